package org.aitia.api.services;

/** Where the API publishes what it accepts: Kafka in production. */
@FunctionalInterface
public interface Publisher {
    /**
     * Publishes {@code value} (null: a tombstone) under {@code key} and returns once it is stored.
     *
     * @throws org.aitia.api.errors.ApiException 503 when it cannot be stored
     */
    void publish(String topic, String key, Object value);
}
