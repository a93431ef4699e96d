package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.Test;

/**
 * When Kafka cannot keep up the listener says so (429/503 with Retry-After) instead of dropping.
 */
class BackPressureIT {
    private static final String BATCH = "/eventListener/v7/eventBatch";

    @Test
    void shouldAnswer429WithRetryAfterWhenMoreEventsAwaitKafkaThanTheCap() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors =
                        Collectors.start(
                                CollectorsConfig.defaults()
                                        .withPort(0)
                                        .withFlowControl(100, 30_000),
                                kafka.bootstrapServers())) {
            assertThat(
                            Http.post(collectors.port(), BATCH, IngestBench.vesBatch(150, 2))
                                    .statusCode())
                    .as("a batch larger than the in-flight cap can never fit")
                    .isEqualTo(413);
            ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int seed = c;
                Thread t =
                        new Thread(
                                () -> {
                                    for (int i = 0; i < 20; i++) {
                                        answers.add(
                                                Http.post(
                                                        collectors.port(),
                                                        BATCH,
                                                        IngestBench.vesBatch(40, seed * 100 + i)));
                                    }
                                });
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) {
                t.join();
            }

            assertThat(answers)
                    .extracting(HttpResponse::statusCode)
                    .contains(202, 429)
                    .containsOnly(202, 429);
            assertThat(answers)
                    .filteredOn(r -> r.statusCode() == 429)
                    .allSatisfy(
                            r -> assertThat(r.headers().firstValue("Retry-After")).hasValue("1"));
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileKafkaIsDownAnd202OnceItIsBack() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.builder().heap("384m").start();
                Collectors collectors =
                        Collectors.start(
                                CollectorsConfig.defaults()
                                        .withPort(0)
                                        .withFlowControl(10_000, 3_000),
                                kafka.bootstrapServers())) {
            assertThat(
                            Http.post(collectors.port(), BATCH, IngestBench.vesBatch(30, 1))
                                    .statusCode())
                    .isEqualTo(202);

            kafka.kill();
            HttpResponse<String> down =
                    Http.post(collectors.port(), BATCH, IngestBench.vesBatch(30, 10));

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(down.body()).contains("Kafka did not acknowledge");

            kafka.restart();
            long end = System.nanoTime() + 120_000_000_000L;
            int status = 0;
            while (System.nanoTime() < end && status != 202) {
                status =
                        Http.post(collectors.port(), BATCH, IngestBench.vesBatch(30, 99))
                                .statusCode();
                if (status != 202) {
                    Thread.sleep(500);
                }
            }
            assertThat(status).as("accepted again once Kafka is back").isEqualTo(202);
        }
    }
}
