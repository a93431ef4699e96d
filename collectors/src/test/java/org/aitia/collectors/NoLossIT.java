package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * The broker is killed and restarted while events flow: every event answered 202 is on the topic.
 */
class NoLossIT {
    private static final int BATCH = 20;

    @Test
    void shouldFindEveryAcceptedEventOnTheTopicAfterBrokerKillAndRestart() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors =
                        Collectors.start(
                                CollectorsConfig.defaults()
                                        .withPort(0)
                                        .withFlowControl(200_000, 60_000),
                                kafka.bootstrapServers())) {
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger retryLater = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger seq = new AtomicInteger();
            List<Thread> clients = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Thread t =
                        new Thread(
                                () -> {
                                    while (running.get()) {
                                        int s = seq.incrementAndGet();
                                        byte[] body = IngestBench.vesBatch(BATCH, s);
                                        HttpResponse<String> r =
                                                Http.post(
                                                        collectors.port(),
                                                        "/eventListener/v7/eventBatch",
                                                        body);
                                        if (r.statusCode() == 202) {
                                            for (int i = 0; i < BATCH; i++) {
                                                accepted.add("fault-" + s + "-" + i);
                                            }
                                        } else if (r.statusCode() == 503 || r.statusCode() == 429) {
                                            assertThat(r.headers().firstValue("Retry-After"))
                                                    .isPresent();
                                            retryLater.incrementAndGet();
                                        } else {
                                            other.incrementAndGet();
                                        }
                                    }
                                });
                clients.add(t);
                t.start();
            }
            Thread.sleep(3000);
            int beforeKill = accepted.size();
            kafka.kill();
            Thread.sleep(3000);
            kafka.restart();
            Thread.sleep(5000);
            running.set(false);
            for (Thread t : clients) {
                t.join(120_000);
            }
            int afterRestart = accepted.size();

            assertThat(beforeKill).as("events accepted before the kill").isPositive();
            assertThat(afterRestart)
                    .as("events accepted after the restart")
                    .isGreaterThan(beforeKill);
            assertThat(other.get()).as("answers other than 202/429/503").isZero();
            try (TopicReader reader =
                    new TopicReader(kafka.bootstrapServers(), "aitia.telemetry")) {
                Set<String> onTopic = new HashSet<>();
                reader.readUntil(
                        l -> {
                            for (int i = onTopic.size(); i < l.size(); i++) {
                                onTopic.add(
                                        Json.read(l.get(i).value(), TelemetryEvent.class)
                                                .labels()
                                                .get("eventId"));
                            }
                            return onTopic.containsAll(accepted);
                        },
                        Duration.ofSeconds(90));
                Set<String> missing = new HashSet<>(accepted);
                missing.removeAll(onTopic);
                assertThat(missing)
                        .as(
                                "accepted (202) events missing from aitia.telemetry, of %d accepted",
                                accepted.size())
                        .isEmpty();
            }
        }
    }
}
