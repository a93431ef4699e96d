package org.aitia.collectors.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aitia.collectors.kafka.KafkaPublisher;
import org.aitia.model.TopologyChange;

/**
 * Publishes topology changes on the compacted topology topic, keyed by {@link
 * TopologyChange#key()}.
 */
public final class TopologyPublisher implements TopologySink {
    private final KafkaPublisher publisher;

    public TopologyPublisher(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(List<TopologyChange> changes) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(changes.size());
        for (TopologyChange c : changes) {
            acks.add(publisher.topology(c));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka did not take topology changes: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge topology changes in 120 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing topology changes", e);
        }
    }
}
