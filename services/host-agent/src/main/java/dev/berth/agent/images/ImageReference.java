package dev.berth.agent.images;

/**
 * An image reference split the way registries read it: {@code registry/repository:tag} or
 * {@code registry/repository@digest}. Only references naming a registry host (with a dot, a
 * colon or {@code localhost}) have one; Berth's task definitions always do.
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static ImageReference parse(String reference) {
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The same image pinned to {@code digest}: {@code registry/repository@digest}. */
    public String pinned(String digest) {
        return (registry == null ? "" : registry + "/") + repository + "@" + digest;
    }

    /** What the manifest is fetched by: the digest when given, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }
}
