package dev.berth.scheduler.placement.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many steps a pattern costs per character of input, estimated from its text: RE2 runs in
 * time linear in the input, but counted repetitions copy what they repeat ({@code (a{0,100}){0,100}}
 * is 18 characters and 10,000 copies of {@code a}). Each literal, class or escape counts 1, a
 * group the sum of its alternatives, {@code x{n,m}} m times x; {@code *}, {@code +} and {@code ?}
 * copy nothing. Only read for a pattern RE2/J has compiled, so the text is well formed.
 */
final class PatternSize {

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");
    private static final long CAP = 1_000_000;

    private PatternSize() {
    }

    private static final class Frame {
        long total;
        long last;

        void add(long atom) {
            total = Math.min(CAP, total + last);
            last = atom;
        }

        long size() {
            return Math.min(CAP, total + last);
        }
    }

    static long of(String pattern) {
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame());
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            Frame frame = frames.peek();
            switch (c) {
                case '\\' -> {
                    i = escapeEnd(pattern, i);
                    frame.add(1);
                }
                case '[' -> {
                    i = classEnd(pattern, i);
                    frame.add(1);
                }
                case '(' -> {
                    frames.push(new Frame());
                    i = groupBodyStart(pattern, i);
                }
                case ')' -> {
                    long group = frames.pop().size();
                    frames.peek().add(group);
                    i++;
                }
                case '|' -> {
                    frame.add(0);
                    i++;
                }
                case '*', '+', '?' -> i++;
                case '{' -> {
                    Matcher repeat = REPEAT.matcher(pattern).region(i, n);
                    if (repeat.lookingAt()) {
                        long min = Long.parseLong(repeat.group(1));
                        long max = repeat.group(2) == null ? min
                                : repeat.group(3).isEmpty() ? min + 1 : Long.parseLong(repeat.group(3));
                        frame.last = Math.min(CAP, frame.last * Math.max(1, Math.max(min, max)));
                        i = repeat.end();
                    } else {
                        frame.add(1);
                        i++;
                    }
                }
                default -> {
                    frame.add(1);
                    i++;
                }
            }
        }
        while (frames.size() > 1) {
            long group = frames.pop().size();
            frames.peek().add(group);
        }
        return frames.peek().size();
    }

    /** Past an escape: {@code \x{...}}, {@code \p{...}}, {@code \Q...\E} or one character. */
    private static int escapeEnd(String p, int i) {
        if (i + 1 >= p.length()) {
            return p.length();
        }
        char e = p.charAt(i + 1);
        if ((e == 'x' || e == 'p' || e == 'P') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 2);
            return close < 0 ? p.length() : close + 1;
        }
        if (e == 'p' || e == 'P') {
            return Math.min(p.length(), i + 3);
        }
        if (e == 'x') {
            return Math.min(p.length(), i + 4);
        }
        if (e == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            return end < 0 ? p.length() : end + 2;
        }
        return i + 2;
    }

    /** Past a character class, {@code []a]} and {@code [[:alpha:]]} included. */
    private static int classEnd(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length() && p.charAt(j) != ']') {
            if (p.charAt(j) == '\\') {
                j = escapeEnd(p, j);
            } else if (p.startsWith("[:", j)) {
                int close = p.indexOf(":]", j + 2);
                j = close < 0 ? j + 1 : close + 2;
            } else {
                j++;
            }
        }
        return Math.min(p.length(), j + 1);
    }

    /** Past a group's opening: {@code (}, {@code (?:}, {@code (?i:}, {@code (?P<name>}; a flags group {@code (?i)} ends at once. */
    private static int groupBodyStart(String p, int i) {
        if (i + 1 < p.length() && p.charAt(i + 1) == '?') {
            int j = i + 2;
            while (j < p.length() && p.charAt(j) != ':' && p.charAt(j) != ')' && p.charAt(j) != '>') {
                j++;
            }
            return j < p.length() && p.charAt(j) == ')' ? j : j + 1;
        }
        return i + 1;
    }
}
