package dev.berth.registry.repositories;

import dev.berth.common.error.InvalidInputException;
import java.util.regex.Pattern;

/** Repository names as the management API takes them: ECR's, without the tenant ({@code web} for {@code acme/web}). */
final class RepositoryNames {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

    private RepositoryNames() {
    }

    /** @return the name, or InvalidParameterException naming repositoryName */
    static String require(String value) {
        if (value == null || value.length() < 2 || value.length() > 256 || !NAME.matcher(value).matches()) {
            throw new InvalidInputException("repositoryName", "must be 2-256 characters of "
                    + "lowercase letters, digits and . _ - / (path components separated by /), was '" + value + "'.");
        }
        return value;
    }
}
