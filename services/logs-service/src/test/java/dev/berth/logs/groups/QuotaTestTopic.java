package dev.berth.logs.groups;

import dev.berth.testsupport.PlatformSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A topic of its own for the service started with tiny limits, so that it drops only the batches of its
 * test, never those of another logs service reading berth.logs at the same time.
 */
public class QuotaTestTopic implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "berth.logs.quota-test";

    @Override
    public Map<String, String> start() {
        Map<String, Object> config = new HashMap<>(PlatformSecrets.kafkaAdminClientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("BERTH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            // the logs service's own Kafka user reads and writes this test topic as it does berth.logs
            String principal = "User:" + PlatformSecrets.kafkaUser("logs");
            admin.createAcls(List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE).stream()
                    .map(operation -> new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                            new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)))
                    .toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + TOPIC, e);
        }
        return Map.of("mp.messaging.incoming.log-batches.topic", TOPIC,
                "mp.messaging.incoming.log-batches.group.id", "berth-logs-quota-test",
                "mp.messaging.outgoing.log-batches-out.topic", TOPIC);
    }

    @Override
    public void stop() {
    }
}
