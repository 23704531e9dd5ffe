package dev.berth.scheduler.clusters;

import static dev.berth.scheduler.SchedulerTestClient.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster with real tokens and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class ClustersApiIT {

    private static final String API = "/api/scheduler/v1/clusters";

    private static String name() {
        return "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createIsIdempotentAndDescribeWorksByNameOrArn() {
        String name = name();
        String arn = "arn:berth:ecs::acme:cluster/" + name;
        String createdAt = as("acme-admin").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then()
                .statusCode(200)
                .body("cluster.clusterArn", equalTo(arn))
                .body("cluster.clusterName", equalTo(name))
                .body("cluster.status", equalTo("ACTIVE"))
                .body("cluster.registeredContainerInstancesCount", equalTo(0))
                .extract().path("cluster.createdAt");
        as("acme-admin").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then()
                .statusCode(200).body("cluster.createdAt", equalTo(createdAt));
        as("acme-viewer").when().get(API + "/" + name).then().statusCode(200).body("cluster.clusterArn", equalTo(arn));
        as("acme-viewer").urlEncodingEnabled(false).when().get(API + "/" + URLEncoder.encode(arn, StandardCharsets.UTF_8))
                .then().statusCode(200).body("cluster.clusterName", equalTo(name));
        as("acme-admin").body("{}").when().post(API).then().statusCode(200).body("cluster.clusterName", equalTo("default"));
    }

    @Test
    void listsActiveClustersInPages() {
        String first = name();
        String second = name();
        as("acme-admin").body("{\"clusterName\":\"" + first + "\"}").when().post(API).then().statusCode(200);
        as("acme-admin").body("{\"clusterName\":\"" + second + "\"}").when().post(API).then().statusCode(200);
        // a database kept between runs may hold more clusters than one page: read every page
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            var page = (token == null ? as("acme-viewer") : as("acme-viewer").queryParam("nextToken", token))
                    .when().get(API).then().statusCode(200).extract().jsonPath();
            arns.addAll(page.getList("clusterArns", String.class));
            token = page.getString("nextToken");
        } while (token != null);
        assertTrue(arns.containsAll(List.of("arn:berth:ecs::acme:cluster/" + first, "arn:berth:ecs::acme:cluster/" + second)));
        String next = as("acme-viewer").queryParam("maxResults", 1).when().get(API).then()
                .body("clusterArns", hasSize(1)).extract().path("nextToken");
        as("acme-viewer").queryParam("maxResults", 1).queryParam("nextToken", next).when().get(API).then()
                .statusCode(200).body("clusterArns", hasSize(1));
    }

    @Test
    void deletedClustersTurnInactiveAndCanBeCreatedAgain() {
        String name = name();
        as("acme-admin").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then().statusCode(200);
        as("acme-admin").when().delete(API + "/" + name).then().statusCode(200).body("cluster.status", equalTo("INACTIVE"));
        as("acme-viewer").when().get(API + "/" + name).then().statusCode(200).body("cluster.status", equalTo("INACTIVE"));
        as("acme-viewer").when().get(API).then().body("clusterArns", not(hasItem("arn:berth:ecs::acme:cluster/" + name)));
        as("acme-admin").when().delete(API + "/" + name).then()
                .statusCode(404).body("code", equalTo("ClusterNotFoundException"));
        as("acme-admin").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then()
                .statusCode(200).body("cluster.status", equalTo("ACTIVE"));
    }

    @Test
    void badNamesLevelsAndTenantsAreEnforced() {
        String name = name();
        as("acme-admin").body("{\"clusterName\":\"no spaces\"}").when().post(API).then()
                .statusCode(400).body("code", equalTo("InvalidParameterException"))
                .body("message", startsWith("clusterName:"));
        as("acme-deployer").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then().statusCode(403);
        as("acme-admin").body("{\"clusterName\":\"" + name + "\"}").when().post(API).then().statusCode(200);
        as("globex-admin").when().get(API + "/" + name).then().statusCode(404);
        as("globex-admin").when().delete(API + "/" + name).then().statusCode(404);
        as("acme-viewer").when().get(API + "/" + name).then().statusCode(200);
    }
}
