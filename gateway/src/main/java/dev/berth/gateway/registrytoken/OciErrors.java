package dev.berth.gateway.registrytoken;

import java.util.List;

/** The OCI distribution spec's error body, which registry clients read from {@code /v2/token} too. */
public record OciErrors(List<OciError> errors) {

    public record OciError(String code, String message) {
    }

    static OciErrors of(String code, String message) {
        return new OciErrors(List.of(new OciError(code, message)));
    }
}
