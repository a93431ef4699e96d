package org.aitia.app.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.aitia.healing.HealingService;
import org.aitia.model.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries operators' decisions on held actions from the API to the healing executor: the API
 * publishes {@code {"actionId", "decision": "APPROVED"|"REJECTED", "by", "reason"}} on {@code
 * aitia.action-approvals}; this approves or rejects the action in the healing service. Offsets are
 * committed after the decision was applied, so a decision survives a restart.
 */
final class ApprovalBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalBridge.class);

    private final KafkaConsumer<String, String> consumer;
    private final HealingService healing;
    private final Thread loop;
    private volatile boolean running = true;

    ApprovalBridge(String bootstrap, String topic, HealingService healing) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "aitia-healing-approvals");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.healing = healing;
        consumer.subscribe(List.of(topic));
        this.loop = new Thread(this::run, "healing-approvals");
        loop.setDaemon(true);
        loop.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        decide(r.value());
                    }
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void decide(String value) {
        String id = null;
        try {
            JsonNode d = Json.mapper().readTree(value);
            id = d.path("actionId").asText();
            String by = d.path("by").asText("an operator");
            if ("APPROVED".equals(d.path("decision").asText())) {
                healing.approve(id);
                LOG.info("action {} approved by {}", id, by);
            } else {
                healing.reject(
                        id,
                        "rejected by "
                                + by
                                + (d.hasNonNull("reason") ? ": " + d.get("reason").asText() : ""));
                LOG.info("action {} rejected by {}", id, by);
            }
        } catch (NoSuchElementException e) {
            LOG.warn(
                    "decision on action {} ignored: it is not held (already decided or unknown)",
                    id);
        } catch (Exception e) {
            LOG.warn("decision {} could not be applied: {}", value, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        loop.join(5000);
    }
}
