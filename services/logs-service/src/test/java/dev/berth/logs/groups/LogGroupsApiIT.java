package dev.berth.logs.groups;

import static dev.berth.logs.LogsTestClient.API;
import static dev.berth.logs.LogsTestClient.as;
import static dev.berth.logs.LogsTestClient.group;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.logs.LogsTestClient;
import dev.berth.testsupport.BerthInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CreateLogGroup, DescribeLogGroups, retention, tags and DeleteLogGroup with real tokens and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(BerthInfrastructure.class)
class LogGroupsApiIT {

    @Test
    void createDescribeRetentionTagsDelete() {
        String name = LogsTestClient.newGroupName();
        as("acme-admin").body(Map.of("logGroupName", name, "retentionInDays", 14, "tags", Map.of("team", "web")))
                .post(API + "/log-groups").then().statusCode(200)
                .body("logGroup.logGroupName", equalTo(name))
                .body("logGroup.arn", equalTo("arn:berth:logs:acme:log-group:" + name))
                .body("logGroup.retentionInDays", equalTo(14))
                .body("logGroup.storedBytes", equalTo(0))
                .body("logGroup.tags.team", equalTo("web"));
        as("acme-admin").body(Map.of("logGroupName", name)).post(API + "/log-groups").then().statusCode(400)
                .body("code", equalTo("ResourceAlreadyExistsException")).body("field", equalTo("logGroupName"));
        as("acme-viewer").get(group(name)).then().statusCode(200).body("logGroup.retentionInDays", equalTo(14));
        LogsTestClient.newStream(name, "s");
        as("acme-deployer").body(Map.of("logStreamName", "s")).post(group(name) + "/streams").then().statusCode(400)
                .body("code", equalTo("ResourceAlreadyExistsException")).body("field", equalTo("logStreamName"))
                .body("message", equalTo("The specified log stream already exists: s"));

        as("acme-admin").body(Map.of("retentionInDays", 30)).put(group(name) + "/retention-policy").then()
                .statusCode(200).body("logGroup.retentionInDays", equalTo(30));
        as("acme-admin").delete(group(name) + "/retention-policy").then()
                .statusCode(200).body("logGroup.retentionInDays", nullValue());
        as("acme-admin").body(Map.of("tags", Map.of("env", "prod"))).put(group(name) + "/tags").then()
                .statusCode(200).body("logGroup.tags.team", equalTo("web")).body("logGroup.tags.env", equalTo("prod"));
        as("acme-admin").delete(group(name) + "/tags?tagKeys=team").then()
                .statusCode(200).body("logGroup.tags.team", nullValue()).body("logGroup.tags.env", equalTo("prod"));

        as("acme-admin").delete(group(name)).then().statusCode(204);
        as("acme-viewer").get(group(name)).then().statusCode(404).body("code", equalTo("ResourceNotFoundException"));
        as("acme-admin").delete(group(name)).then().statusCode(404);
    }

    @Test
    void badInputNamesTheField() {
        as("acme-admin").body(Map.of("logGroupName", "/x/" + UUID.randomUUID(), "retentionInDays", 2))
                .post(API + "/log-groups").then().statusCode(400)
                .body("code", equalTo("InvalidParameterException")).body("message", containsString("retentionInDays"));
        as("acme-admin").body(Map.of("logGroupName", "has space")).post(API + "/log-groups").then().statusCode(400)
                .body("message", containsString("logGroupName"));
        as("acme-admin").body(Map.of()).post(API + "/log-groups").then().statusCode(400)
                .body("message", containsString("logGroupName"));
        String name = LogsTestClient.newGroup(null);
        as("acme-admin").body(Map.of("retentionInDays", 8)).put(group(name) + "/retention-policy").then()
                .statusCode(400).body("message", containsString("retentionInDays"));
        as("acme-viewer").get(group(name)).then().statusCode(200).body("logGroup.retentionInDays", nullValue());
    }

    @Test
    void rolesAndTenantsAreKeptApart() {
        String name = LogsTestClient.newGroup(7);
        as("acme-viewer").body(Map.of("logGroupName", LogsTestClient.newGroupName())).post(API + "/log-groups").then()
                .statusCode(403);
        as("acme-deployer").delete(group(name)).then().statusCode(403);
        as("globex-admin").get(group(name)).then().statusCode(404);
        as("globex-admin").delete(group(name)).then().statusCode(404);
        as("acme-viewer").get(group(name)).then().statusCode(200);
    }

    @Test
    void listsByPrefixInPages() {
        String prefix = "/list-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        for (int i = 0; i < 5; i++) {
            as("acme-admin").body(Map.of("logGroupName", prefix + i)).post(API + "/log-groups").then().statusCode(200);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var page = as("acme-viewer").get(API + "/log-groups?limit=2&logGroupNamePrefix=" + LogsTestClient.encoded(prefix)
                    + (token == null ? "" : "&nextToken=" + token)).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("logGroups.logGroupName"));
            token = page.getString("nextToken");
            pages++;
        } while (token != null);
        assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4), names);
        assertEquals(3, pages);
        as("globex-admin").get(API + "/log-groups?logGroupNamePrefix=" + LogsTestClient.encoded(prefix)).then()
                .statusCode(200).body("logGroups", hasSize(0));
        as("acme-viewer").get(API + "/log-groups?limit=51").then().statusCode(400).body("message", containsString("limit"));
    }
}
