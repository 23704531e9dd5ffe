package dev.berth.testsupport;

import dev.berth.common.messaging.Topic;
import dev.berth.common.messaging.TopicAccess;
import dev.berth.common.messaging.TopicAccess.ServiceTopics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Sets the broker up as the platform needs it (DESIGN.md §4, §5): the topics that do not exist
 * yet, one SCRAM user per service with the password under {@code data/secrets}, and the ACLs of
 * {@link TopicAccess}: a service writes only its own topics, reads only what it consumes, and
 * uses only consumer groups named after it. Runs as the broker's administrator; safe to repeat.
 *
 * <pre>java -cp … dev.berth.testsupport.KafkaSetup BOOTSTRAP SECRETS_DIR</pre>
 */
public final class KafkaSetup {

    private static final short REPLICATION_FACTOR = 1;
    private static final int SCRAM_ITERATIONS = 8192;

    private KafkaSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaSetup BOOTSTRAP SECRETS_DIR");
            System.exit(2);
        }
        String bootstrap = args[0];
        Path secrets = Path.of(args[1]);
        Map<String, Object> config = new HashMap<>(
                KafkaSecurity.clientProperties("admin", PlatformSecrets.read(secrets, "kafka-admin")));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            int created = createMissingTopics(admin);
            upsertUsers(admin, secrets);
            int acls = grant(admin);
            System.out.println("topics: " + created + " created, " + (Topic.values().length - created)
                    + " already there; " + TopicAccess.all().size() + " service users; " + acls + " ACLs");
        }
    }

    private static int createMissingTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = Arrays.stream(Topic.values())
                .filter(t -> !existing.contains(t.topicName()))
                .map(t -> new NewTopic(t.topicName(), t.partitions(), REPLICATION_FACTOR))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
        return missing.size();
    }

    private static void upsertUsers(Admin admin, Path secrets) throws Exception {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (ServiceTopics service : TopicAccess.all()) {
            users.add(new UserScramCredentialUpsertion(service.kafkaUser(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                    PlatformSecrets.read(secrets, "kafka-" + service.service())));
        }
        admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
    }

    private static int grant(Admin admin) throws Exception {
        List<AclBinding> bindings = new ArrayList<>();
        for (ServiceTopics service : TopicAccess.all()) {
            String principal = "User:" + service.kafkaUser();
            for (Topic topic : service.writes()) {
                bindings.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.WRITE));
                bindings.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.DESCRIBE));
            }
            for (Topic topic : service.reads()) {
                bindings.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.READ));
                bindings.add(allow(principal, ResourceType.TOPIC, topic.topicName(), PatternType.LITERAL, AclOperation.DESCRIBE));
            }
            bindings.add(allow(principal, ResourceType.GROUP, service.groupPrefix(), PatternType.PREFIXED, AclOperation.READ));
        }
        admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        return bindings.size();
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
