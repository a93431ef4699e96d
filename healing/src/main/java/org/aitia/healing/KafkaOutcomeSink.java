package org.aitia.healing;

import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes results to {@code aitia.action-results} and alarms to {@code aitia.alarms}. */
final class KafkaOutcomeSink implements OutcomeSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutcomeSink.class);

    private final Producer<String, String> producer;
    private final HealingConfig.Topics topics;

    KafkaOutcomeSink(Producer<String, String> producer, HealingConfig.Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    @Override
    public void result(HealingAction action, ActionResult result) {
        publish(topics.results(), result.actionId(), Json.write(result));
    }

    @Override
    public void alarm(Alarm alarm) {
        publish(topics.alarms(), alarm.id(), Json.write(alarm));
    }

    void publish(String topic, String key, String value) {
        producer.send(
                new ProducerRecord<>(topic, key, value),
                (metadata, error) -> {
                    if (error != null) {
                        LOG.error("Cannot publish {} to {}: {}", key, topic, error.toString());
                    }
                });
    }
}
