package org.aitia.collectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aitia.collectors.CollectorsConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the collectors' topics when they are missing; the topology topic is compacted. */
public final class KafkaTopics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {}

    /**
     * Creates each missing topic of {@code config} with its partitions and replication.
     *
     * @throws IllegalStateException when Kafka cannot be reached within 60 s
     */
    public static void ensure(String bootstrap, CollectorsConfig config) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        CollectorsConfig.Topics t = config.topics();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : List.of(t.telemetry(), t.deadletter(), t.raw())) {
                if (!existing.contains(name)) {
                    missing.add(
                            new NewTopic(name, config.partitions(), config.replicationFactor()));
                }
            }
            if (!existing.contains(t.topology())) {
                missing.add(
                        new NewTopic(t.topology(), config.partitions(), config.replicationFactor())
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                LOG.info("topics were created concurrently: {}", e.getCause().getMessage());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create the collectors' topics on " + bootstrap + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
