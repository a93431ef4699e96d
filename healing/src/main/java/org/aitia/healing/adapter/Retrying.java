package org.aitia.healing.adapter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.aitia.healing.HealingConfig.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call with retries and exponential backoff: again after a retryable failure (timeout,
 * connection failure, 5xx), never after a final one (4xx), without blocking a thread while it
 * waits.
 */
public final class Retrying {
    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

    private final RetryConfig config;
    private final Executor executor;

    public Retrying(RetryConfig config, Executor executor) {
        this.config = config;
        this.executor = executor;
    }

    /**
     * Calls {@code attempt} (given the 1-based attempt number) until it succeeds, fails finally, or
     * the attempts run out. A future that completes exceptionally counts as retryable.
     *
     * @param what names the call in logs and in the failure reason
     */
    public CompletableFuture<CallOutcome> run(
            String what, IntFunction<CompletableFuture<Attempt>> attempt) {
        CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
        next(what, attempt, 1, outcome);
        return outcome;
    }

    private void next(
            String what,
            IntFunction<CompletableFuture<Attempt>> attempt,
            int n,
            CompletableFuture<CallOutcome> outcome) {
        CompletableFuture<Attempt> call;
        try {
            call = attempt.apply(n);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete(
                (a, error) -> {
                    Attempt result = a != null ? a : Attempt.retryable(describe(error));
                    switch (result.kind()) {
                        case OK -> outcome.complete(CallOutcome.sent(n, result.detail()));
                        case FINAL -> outcome.complete(CallOutcome.failed(n, result.detail()));
                        case RETRYABLE -> {
                            if (n >= config.maxAttempts()) {
                                outcome.complete(
                                        CallOutcome.failed(
                                                n,
                                                result.detail()
                                                        + " (gave up after "
                                                        + n
                                                        + " attempts)"));
                                return;
                            }
                            Duration wait = config.backoffAfter(n);
                            LOG.info(
                                    "{} failed ({}); attempt {} of {} in {} ms",
                                    what,
                                    result.detail(),
                                    n + 1,
                                    config.maxAttempts(),
                                    wait.toMillis());
                            CompletableFuture.runAsync(
                                    () -> next(what, attempt, n + 1, outcome),
                                    CompletableFuture.delayedExecutor(
                                            wait.toMillis(), TimeUnit.MILLISECONDS, executor));
                        }
                        default -> throw new IllegalStateException(result.kind().name());
                    }
                });
    }

    /** The reason of a failed call in words: the innermost cause's class and message. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                        || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
