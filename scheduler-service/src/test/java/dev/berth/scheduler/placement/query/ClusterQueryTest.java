package dev.berth.scheduler.placement.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cluster query language, table by table: the expressions of ECS's documentation and each
 * operator, against two hosts.
 */
class ClusterQueryTest {

    /** A t2.small in us-east-1a running two groups, agent 1.14.5, registered early 2018. */
    private static final QuerySubject SMALL = subject(Map.of(
            "attribute:ecs.instance-type", List.of("t2.small"),
            "attribute:ecs.availability-zone", List.of("us-east-1a"),
            "attribute:ecs.os-type", List.of("linux"),
            "attribute:stack", List.of("prod"),
            "ec2InstanceId", List.of("i-abcd1234"),
            "agentConnected", List.of("true"),
            "agentVersion", List.of("1.14.5"),
            "registeredAt", List.of("2018-01-15T10:00:00Z"),
            "runningTasksCount", List.of("2"),
            "task:group", List.of("service:production", "database")));

    /** A g2.2xlarge in us-east-1d, nothing running, old agent, no stack attribute. */
    private static final QuerySubject GPU = subject(Map.of(
            "attribute:ecs.instance-type", List.of("g2.2xlarge"),
            "attribute:ecs.availability-zone", List.of("us-east-1d"),
            "attribute:ecs.os-type", List.of("linux"),
            "ec2InstanceId", List.of("i-wxyx7890"),
            "agentConnected", List.of("false"),
            "agentVersion", List.of("1.9.0"),
            "registeredAt", List.of("2017-06-01T00:00:00Z"),
            "runningTasksCount", List.of("0")));

    private static QuerySubject subject(Map<String, List<String>> values) {
        return name -> values.getOrDefault(name, List.of());
    }

    @ParameterizedTest(name = "{0} -> small {1}, gpu {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            attribute:ecs.instance-type == t2.small ; true ; false
            attribute:ecs.instance-type equals t2.small ; true ; false
            attribute:ecs.availability-zone in [us-east-1a, us-east-1b] ; true ; false
            attribute:ecs.instance-type =~ g2.* ; false ; true
            attribute:ecs.instance-type matches g2.* ; false ; true
            attribute:ecs.instance-type !~ t2.* ; false ; true
            attribute:ecs.instance-type != t2.small ; false ; true
            ec2InstanceId in ['i-abcd1234', 'i-wxyx7890'] ; true ; true
            ec2InstanceId not_in ['i-abcd1234'] ; false ; true
            attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a ; true ; false
            attribute:ecs.instance-type == t2.small || attribute:ecs.instance-type == g2.2xlarge ; true ; true
            agentConnected == true ; true ; false
            agentVersion >= 1.14.0 ; true ; false
            agentVersion < 1.10 ; false ; true
            registeredAt < 2018-01-01 ; false ; true
            registeredAt >= 2018-01-15T09:00:00Z ; true ; false
            runningTasksCount > 1 ; true ; false
            runningTasksCount <= 0 ; false ; true
            task:group == service:production ; true ; false
            not(task:group == database) ; false ; true
            task:group exists ; true ; false
            attribute:stack exists ; true ; false
            attribute:stack !exists ; false ; true
            attribute:stack not_exists ; false ; true
            attribute:stack != prod ; false ; true
            !(attribute:stack exists) && attribute:ecs.os-type == linux ; false ; true
            (attribute:ecs.instance-type =~ t2.* || attribute:ecs.instance-type =~ m5.*) && !(task:group == batch) ; true ; false
            attribute:ecs.os-type == linux and not agentConnected == false or attribute:stack == none ; true ; false
            attribute:ecs.instance-type in (t2.small, g2.2xlarge) ; true ; true
            attribute:ecs.instance-type =~ '^(t2|g2)\\..*' ; true ; true
            """)
    void evaluatesAsEcsDocuments(String expression, boolean small, boolean gpu) {
        ClusterQuery query = ClusterQuery.parse(expression);
        assertEquals(small, query.matches(SMALL), "t2.small host");
        assertEquals(gpu, query.matches(GPU), "g2 host");
    }

    @Test
    void saysWhichAttributesItReads() {
        assertEquals(List.of("ecs.instance-type", "stack"), List.copyOf(ClusterQuery.parse(
                "attribute:ecs.instance-type =~ t2.* and (attribute:stack exists or task:group == x "
                        + "or attribute:ecs.instance-type == m5.large) and attribute:gpu !exists").attributes()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                 | empty expression                     | 0
            attribute:ecs.instance-type                        | expected an operator                 | 27
            attribute:ecs.instance-type ==                     | where a value was expected           | 30
            attribute:ecs.instance-type <> t2                  | expected a value                     | 29
            color == red                                       | unknown subject 'color'              | 0
            attribute: == red                                  | unknown subject 'attribute:'         | 0
            attribute:a == b and                               | where a subject was expected         | 20
            (attribute:a == b                                  | expected ')' before the end          | 17
            attribute:a in b                                   | expected a list                      | 15
            attribute:a in [b, c                               | expected ']'                         | 20
            attribute:a == 'b                                  | unterminated quoted value            | 15
            attribute:a =~ '[b'                                | invalid pattern '[b'                 | 15
            attribute:a == b c                                 | unexpected 'c'                       | 17
            attribute:a ^ b                                    | expected an operator                 | 12
            """)
    void namesWhereAndWhyAnExpressionIsWrong(String expression, String problem, int position) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> ClusterQuery.parse(expression));
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        assertEquals(position, error.position(), error.getMessage());
    }
}
