package org.aitia.api.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aitia.api.entities.Webhook;

/** The webhooks registered on {@code aitia.webhooks}, by id. */
public final class WebhookRegistry {
    private final Map<String, Webhook> byId = new ConcurrentHashMap<>();

    /** Applies one record: {@code webhook} null is a tombstone. */
    public void apply(String id, Webhook webhook) {
        if (webhook == null) {
            byId.remove(id);
        } else {
            byId.put(id, webhook);
        }
    }

    public Optional<Webhook> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every webhook, oldest first. */
    public List<Webhook> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Webhook::createdAt).thenComparing(Webhook::id))
                .toList();
    }
}
