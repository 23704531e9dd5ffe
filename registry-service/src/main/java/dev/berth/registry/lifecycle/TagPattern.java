package dev.berth.registry.lifecycle;

/**
 * ECR's tag patterns ({@code tagPatternList}): {@code *} matches any run of characters, every
 * other character itself. Matched directly, never through a regular expression: the greedy
 * two-pointer walk goes back only to the last {@code *}, so a match costs at most
 * pattern length × tag length steps whatever the input.
 */
final class TagPattern {

    private TagPattern() {
    }

    static boolean matches(String pattern, String tag) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resumeAt = 0;
        while (t < tag.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resumeAt = t;
            } else if (p < pattern.length() && pattern.charAt(p) == tag.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
