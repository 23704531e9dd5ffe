package dev.berth.registry.metadata;

/** The repository's tags are immutable and this tag already names another manifest. */
public class TagImmutableException extends RuntimeException {

    public TagImmutableException(String repository, String tag) {
        super("The image tag '" + tag + "' already exists in the '" + repository
                + "' repository and cannot be overwritten because the repository is immutable.");
    }
}
