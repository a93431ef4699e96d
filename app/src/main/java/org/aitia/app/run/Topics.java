package org.aitia.app.run;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.aitia.app.config.AitiaConfig;
import org.aitia.healing.HealingConfig;
import org.aitia.streaming.StreamingConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The topics of DESIGN.md, named by the configuration, created when missing. */
final class Topics {
    private static final Logger LOG = LoggerFactory.getLogger(Topics.class);
    private static final Set<String> COMPACTED = Set.of("topology", "alarms", "rules", "states");

    private Topics() {}

    static StreamingConfig.Topics streaming(AitiaConfig c) {
        return new StreamingConfig.Topics(
                c.string("kafka.topics.telemetry"),
                c.string("kafka.topics.topology"),
                c.string("kafka.topics.rules"),
                c.string("kafka.topics.alarms"),
                c.string("kafka.topics.actions"),
                c.string("kafka.topics.states"));
    }

    static HealingConfig.Topics healing(AitiaConfig c) {
        return new HealingConfig.Topics(
                c.string("kafka.topics.actions"),
                c.string("kafka.topics.actionResults"),
                c.string("kafka.topics.alarms"),
                c.string("kafka.topics.deadletter"));
    }

    /** Creates the configured topics that do not exist yet (replication factor 1 when embedded). */
    static void create(AitiaConfig c, String bootstrapServers) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int partitions = c.integer("kafka.partitions");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, String> wanted =
                    c.tree().get("kafka").get("topics").properties().stream()
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().asText()));
            for (Map.Entry<String, String> t : wanted.entrySet()) {
                if (existing.contains(t.getValue())) {
                    continue;
                }
                NewTopic topic = new NewTopic(t.getValue(), partitions, (short) 1);
                if (COMPACTED.contains(t.getKey())) {
                    topic.configs(
                            Map.of(
                                    TopicConfig.CLEANUP_POLICY_CONFIG,
                                    TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(java.util.List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.info(
                            "created topic {} ({} partitions{})",
                            t.getValue(),
                            topic.numPartitions(),
                            COMPACTED.contains(t.getKey()) ? ", compacted" : "");
                } catch (ExecutionException e) {
                    if (!(e.getCause()
                            instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
