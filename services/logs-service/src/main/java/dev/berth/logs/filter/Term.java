package dev.berth.logs.filter;

/** One term of an unstructured pattern: a word or "quoted phrase", or a %regex%. */
sealed interface Term permits Term.Literal, Term.Regex {

    boolean occursIn(String message);

    /**
     * Case-sensitive text that must appear somewhere in the message. CloudWatch's own examples match a term
     * inside a longer word ("ERROR" matches "ERRORCODE", "Exception" matches "IllegalArgumentException").
     */
    record Literal(String text) implements Term {
        @Override
        public boolean occursIn(String message) {
            return message.contains(text);
        }
    }

    /** A regular expression found anywhere in the message. */
    record Regex(PercentRegex regex) implements Term {
        @Override
        public boolean occursIn(String message) {
            return regex.foundIn(message);
        }
    }
}
