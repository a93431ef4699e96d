package org.aitia.collectors.topology;

import java.util.List;
import org.aitia.model.TopologyChange;

/** Where a datasource's changes go. {@link TopologyPublisher} is the Kafka one. */
@FunctionalInterface
public interface TopologySink {
    /**
     * Publishes the changes in order and returns once they are durable.
     *
     * @throws IllegalStateException when they could not be published
     */
    void publish(List<TopologyChange> changes);
}
