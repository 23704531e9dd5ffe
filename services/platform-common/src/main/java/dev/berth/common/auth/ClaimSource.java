package dev.berth.common.auth;

import java.util.List;
import java.util.Optional;

/** Read access to a validated token's claims, so principals are built without framework types. */
public interface ClaimSource {

    Optional<String> string(String claim);

    /** A list of strings: a top-level array claim, or one nested in an object claim when {@code path} has two parts. */
    List<String> strings(String... path);
}
