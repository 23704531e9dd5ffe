package dev.berth.autoscaler.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.common.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ServiceNamespace, ResourceId and ScalableDimension of an ECS service, parsed rather than split. */
class ScalableTargetIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            service/default/web              ; default    ; web
            service/my-cluster/my_service-2  ; my-cluster ; my_service-2
            service/A/B                      ; A          ; B
            """)
    void parsesClusterAndServiceNames(String resourceId, String cluster, String service) {
        EcsServiceResourceId id = EcsServiceResourceId.parse(resourceId);
        assertEquals(new EcsServiceResourceId(cluster, service), id);
        assertEquals(resourceId, id.toString());
    }

    @Test
    void takesNamesOfTheFullLength() {
        String name = "n".repeat(255);
        assertEquals(name, EcsServiceResourceId.parse("service/" + name + "/" + name).serviceName());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            service/default/web/extra      ; more than two names after service/
            service/default/web/           ; more than two names after service/
            service//web                   ; the cluster name is empty
            service/default/               ; the service name is empty
            service/default                ; no service name after the cluster name
            service/                       ; no service name after the cluster name
            `service///`                   ; more than two names after service/
            cluster/default/web            ; resource type is service
            /service/default/web           ; resource type is service
            `Service/default/web`          ; resource type is service
            service/def ault/web           ; the cluster name may hold 1 to 255 letters, digits, hyphens and underscores
            service/default/web.app        ; the service name may hold 1 to 255 letters, digits, hyphens and underscores
            service/default/wéb            ; the service name may hold
            `service/default/web\n`        ; the service name may hold
            `service/arn:aws:ecs:x/web`    ; the cluster name may hold
            ``                             ; must be service/<cluster-name>/<service-name>
            """)
    void refusesWhatIsNotAnEcsServiceNamingResourceId(String resourceId, String problem) {
        String value = resourceId.replace("\\n", "\n");
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> EcsServiceResourceId.parse(value));
        assertEquals("ResourceId", error.field());
        assertEquals("ValidationException", error.code());
        assertEquals(400, error.status());
        assertTrue(error.getMessage().startsWith("ResourceId: "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void refusesNamesOverTheLimitAndResourceIdsOverTheirs() {
        String tooLong = "n".repeat(256);
        assertThrows(InvalidInputException.class, () -> EcsServiceResourceId.parse("service/" + tooLong + "/web"));
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> EcsServiceResourceId.parse("service/a/" + "b".repeat(1600)));
        assertTrue(error.getMessage().contains("up to 1600 characters"), error.getMessage());
        assertThrows(InvalidInputException.class, () -> EcsServiceResourceId.parse(null));
    }

    @Test
    void namesTheFieldTheCallerGives() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> EcsServiceResourceId.parse("service/a", "ResourceIds[2]"));
        assertEquals("ResourceIds[2]", error.field());
    }

    @Test
    void recordRefusesBadNamesToo() {
        assertThrows(InvalidInputException.class, () -> new EcsServiceResourceId("a/b", "web"));
        assertThrows(InvalidInputException.class, () -> new EcsServiceResourceId("default", ""));
    }

    @Test
    void parsesTheWholeTargetId() {
        ScalableTargetId id = ScalableTargetId.parse("ecs", "service/default/web", "ecs:service:DesiredCount");
        assertEquals(ScalableTargetId.ecsService("default", "web"), id);
        assertEquals("ecs", id.namespace().awsName());
        assertEquals("ecs:service:DesiredCount", id.dimension().awsName());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ';', textBlock = """
            dynamodb ; service/default/web ; ecs:service:DesiredCount   ; ServiceNamespace ; Berth scales ecs services only
            ECS      ; service/default/web ; ecs:service:DesiredCount   ; ServiceNamespace ; must be ecs
            ecs      ; service/default/web ; ecs:service:RunningCount   ; ScalableDimension ; must be ecs:service:DesiredCount
            ecs      ; service/default/web ; dynamodb:table:ReadCapacityUnits ; ScalableDimension ; must be ecs:service:DesiredCount
            ecs      ; table/web           ; ecs:service:DesiredCount   ; ResourceId ; resource type is service
            """)
    void refusesOtherNamespacesAndDimensions(String namespace, String resourceId, String dimension, String field, String problem) {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> ScalableTargetId.parse(namespace, resourceId, dimension));
        assertEquals(field, error.field());
        assertEquals("ValidationException", error.code());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void requiresEachPart() {
        assertEquals("ServiceNamespace", assertThrows(InvalidInputException.class,
                () -> ScalableTargetId.parse(null, "service/a/b", "ecs:service:DesiredCount")).field());
        assertEquals("ScalableDimension", assertThrows(InvalidInputException.class,
                () -> ScalableTargetId.parse("ecs", "service/a/b", null)).field());
    }
}
