package dev.berth.scheduler.placement.query;

import dev.berth.scheduler.placement.query.QueryLexer.Kind;
import dev.berth.scheduler.placement.query.QueryLexer.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An expression of ECS's cluster query language, as used by {@code memberOf} placement
 * constraints: comparisons ({@code ==}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=},
 * {@code exists}, {@code !exists}, {@code in}, {@code !in}, {@code =~}, {@code !~}, and their
 * word forms) on the subjects {@code attribute:<name>}, {@code agentConnected},
 * {@code agentVersion}, {@code ec2InstanceId} / {@code instanceId}, {@code registeredAt},
 * {@code runningTasksCount} and {@code task:group}, joined with {@code &&} / {@code and},
 * {@code ||} / {@code or}, {@code !} / {@code not} and parentheses. {@code and} binds tighter
 * than {@code or}.
 */
public final class ClusterQuery {

    private static final Set<String> SUBJECTS = Set.of("agentConnected", "agentVersion", "ec2InstanceId", "instanceId",
            "registeredAt", "runningTasksCount", "task:group");

    /** Subjects whose values change as tasks are placed; every other subject is fixed for a host. */
    private static final Set<String> TASK_SUBJECTS = Set.of("runningTasksCount", "task:group");

    private final String text;
    private final QueryExpression expression;
    private final boolean readsTasks;
    private final Set<String> attributes;

    private ClusterQuery(String text, QueryExpression expression, boolean readsTasks, Set<String> attributes) {
        this.text = text;
        this.expression = expression;
        this.readsTasks = readsTasks;
        this.attributes = attributes;
    }

    /** ECS's limit on a constraint's expression. */
    public static final int MAX_LENGTH = 2000;

    /** @throws QuerySyntaxException naming the position and the problem */
    public static ClusterQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QuerySyntaxException(String.valueOf(text), 0, "empty expression");
        }
        if (text.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(text.substring(0, 64) + "...", MAX_LENGTH, "expression of " + text.length()
                    + " characters, at most " + MAX_LENGTH);
        }
        Parser parser = new Parser(text);
        QueryExpression expression = parser.parseAll();
        return new ClusterQuery(text, expression, parser.subjects.stream().anyMatch(TASK_SUBJECTS::contains),
                Collections.unmodifiableSet(parser.attributes));
    }

    public boolean matches(QuerySubject subject) {
        return expression.test(subject);
    }

    /** Whether the answer for a host can change as tasks are placed on it (so it cannot be kept). */
    public boolean readsTasks() {
        return readsTasks;
    }

    /**
     * The attributes the query reads ({@code attribute:<name>} subjects), in the order written, but
     * for those it only asks to be absent ({@code !exists}).
     */
    public Set<String> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private final Set<String> subjects = new LinkedHashSet<>();
        private final Set<String> attributes = new LinkedHashSet<>();
        private int next;

        Parser(String text) {
            this.text = text;
            this.tokens = QueryLexer.tokens(text);
        }

        QueryExpression parseAll() {
            QueryExpression expression = or();
            if (peek().kind() != Kind.END) {
                throw error(peek(), "unexpected '" + peek().text() + "'");
            }
            return expression;
        }

        private QueryExpression or() {
            QueryExpression left = and();
            while (peek().is(Kind.OPERATOR, "||") || peek().isWord("or")) {
                next++;
                left = new QueryExpression.Or(left, and());
            }
            return left;
        }

        private QueryExpression and() {
            QueryExpression left = unary();
            while (peek().is(Kind.OPERATOR, "&&") || peek().isWord("and")) {
                next++;
                left = new QueryExpression.And(left, unary());
            }
            return left;
        }

        private QueryExpression unary() {
            Token token = peek();
            if (token.is(Kind.OPERATOR, "!") || token.isWord("not")) {
                next++;
                return new QueryExpression.Not(unary());
            }
            if (token.is(Kind.OPEN, "(")) {
                next++;
                QueryExpression inner = or();
                expect(Kind.CLOSE, ")");
                return inner;
            }
            return comparison();
        }

        private QueryExpression comparison() {
            Token subjectToken = take();
            if (subjectToken.kind() != Kind.WORD) {
                throw error(subjectToken, subjectToken.kind() == Kind.END ? "expression ends where a subject was expected"
                        : "expected a subject, found '" + subjectToken.text() + "'");
            }
            String subject = subjectToken.text();
            subjects.add(subject);
            if (!SUBJECTS.contains(subject) && !(subject.startsWith("attribute:") && subject.length() > "attribute:".length())) {
                throw error(subjectToken, "unknown subject '" + subject + "' (attribute:<name>, agentConnected, "
                        + "agentVersion, ec2InstanceId, instanceId, registeredAt, runningTasksCount or task:group)");
            }
            Token operatorToken = take();
            Operator operator = (operatorToken.kind() == Kind.OPERATOR || operatorToken.kind() == Kind.WORD)
                    ? Operator.of(operatorToken.text()).orElse(null) : null;
            if (operator == null) {
                throw error(operatorToken, "expected an operator after '" + subject + "', found '" + operatorToken.text() + "'");
            }
            List<String> values = switch (operator) {
                case EXISTS, NOT_EXISTS -> List.of();
                case IN, NOT_IN -> list();
                default -> List.of(value());
            };
            if (subject.startsWith("attribute:") && operator != Operator.NOT_EXISTS) {
                attributes.add(subject.substring("attribute:".length()));
            }
            AttributePattern pattern = null;
            if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
                try {
                    pattern = AttributePattern.compile(values.get(0));
                } catch (IllegalArgumentException e) {
                    throw error(tokens.get(next - 1), e.getMessage());
                }
            }
            return new Comparison(subject, operator, values, pattern);
        }

        private List<String> list() {
            Token open = take();
            if (open.kind() != Kind.OPEN) {
                throw error(open, "expected a list such as [a, b] after 'in'");
            }
            List<String> values = new ArrayList<>();
            values.add(value());
            while (peek().kind() == Kind.COMMA) {
                next++;
                values.add(value());
            }
            expect(Kind.CLOSE, open.text().equals("[") ? "]" : ")");
            return values;
        }

        private String value() {
            Token token = take();
            if (token.kind() != Kind.WORD && token.kind() != Kind.QUOTED) {
                throw error(token, token.kind() == Kind.END ? "expression ends where a value was expected"
                        : "expected a value, found '" + token.text() + "'");
            }
            return token.text();
        }

        private void expect(Kind kind, String text) {
            Token token = take();
            if (!token.is(kind, text)) {
                throw error(token, "expected '" + text + "'" + (token.kind() == Kind.END ? " before the end" : ", found '"
                        + token.text() + "'"));
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token token = tokens.get(next);
            if (token.kind() != Kind.END) {
                next++;
            }
            return token;
        }

        private QuerySyntaxException error(Token token, String problem) {
            return new QuerySyntaxException(text, token.position(), problem);
        }
    }
}
