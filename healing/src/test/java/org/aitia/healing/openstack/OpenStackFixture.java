package org.aitia.healing.openstack;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aitia.healing.HealingConfig.OpenStackConfig;
import org.aitia.healing.HealingConfig.RetryConfig;
import org.aitia.healing.adapter.Retrying;
import org.aitia.healing.bench.OpenStackSimulator;

/** A simulated OpenStack and the client side wired to it, for one test. */
final class OpenStackFixture implements AutoCloseable {
    static final RetryConfig RETRY =
            new RetryConfig(
                    3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(15));

    final OpenStackSimulator sim = new OpenStackSimulator(20);
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    final Retrying retrying = new Retrying(RETRY, executor);

    OpenStackHttp client(Clock clock) {
        return client(sim.config(), clock);
    }

    OpenStackHttp client(OpenStackConfig config, Clock clock) {
        KeystoneSession keystone = new KeystoneSession(config, http, clock, Duration.ofSeconds(15));
        return new OpenStackHttp(keystone, http, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        sim.close();
        executor.shutdownNow();
    }
}
