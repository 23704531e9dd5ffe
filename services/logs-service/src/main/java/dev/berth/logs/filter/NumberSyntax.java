package dev.berth.logs.filter;

/**
 * The number syntax of filter patterns: an optional sign, an integer or decimal, an optional exponent
 * ({@code 400}, {@code +1000}, {@code 55.5}, {@code 1e-3}). Checked by hand so that matching a non-number
 * costs no exception.
 */
final class NumberSyntax {

    private NumberSyntax() {
    }

    static boolean isNumber(String s) {
        int n = s.length();
        int i = skipSign(s, 0);
        int integerDigits = skipDigits(s, i);
        i += integerDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            fractionDigits = skipDigits(s, ++i);
            i += fractionDigits;
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i = skipSign(s, i + 1);
            int exponentDigits = skipDigits(s, i);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    private static int skipSign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    private static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
