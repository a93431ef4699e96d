package org.aitia.healing.adapter;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.aitia.model.HealingAction;

/**
 * Carries out healing actions of some types on one VIM. Implementations never block the caller: the
 * returned future completes when the VIM has answered (after retries).
 */
public interface Adapter extends AutoCloseable {
    /** The action types this adapter carries out. */
    Set<String> types();

    /**
     * Carries out {@code action}. The future never completes exceptionally: a failure is a {@link
     * CallOutcome} that says why.
     */
    CompletableFuture<CallOutcome> execute(HealingAction action);

    @Override
    default void close() {}

    /** The parameter {@code key} of {@code action}, or its target when absent. */
    static String param(HealingAction action, String key) {
        String value = action.parameters().get(key);
        return value == null || value.isBlank() ? action.target() : value;
    }
}
