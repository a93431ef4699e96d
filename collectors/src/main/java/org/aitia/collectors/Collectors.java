package org.aitia.collectors;

import java.util.ArrayList;
import java.util.List;
import org.aitia.collectors.http.IngestServer;
import org.aitia.collectors.kafka.KafkaPublisher;
import org.aitia.collectors.kafka.KafkaTopics;
import org.aitia.collectors.topology.KubernetesDatasource;
import org.aitia.collectors.topology.OpenStackDatasource;
import org.aitia.collectors.topology.StaticDatasource;
import org.aitia.collectors.topology.TopologyPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collectors of one Aitia process: the HTTP listeners and the configured topology datasources,
 * publishing to the Kafka cluster at a bootstrap address.
 *
 * <pre>{@code
 * try (Collectors c = Collectors.start(config, "127.0.0.1:9092")) {
 *     int port = c.port();
 * }
 * }</pre>
 */
public final class Collectors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Collectors.class);

    private final KafkaPublisher publisher;
    private final IngestServer server;
    private final List<AutoCloseable> datasources;

    private Collectors(KafkaPublisher publisher, IngestServer server, List<AutoCloseable> ds) {
        this.publisher = publisher;
        this.server = server;
        this.datasources = ds;
    }

    /**
     * Creates the missing topics, starts the listeners and the datasources of {@code config}.
     *
     * @throws IllegalStateException when Kafka cannot be reached or a datasource cannot start
     */
    public static Collectors start(CollectorsConfig config, String bootstrap) {
        KafkaTopics.ensure(bootstrap, config);
        KafkaPublisher publisher = new KafkaPublisher(bootstrap, config);
        List<AutoCloseable> started = new ArrayList<>();
        IngestServer server = null;
        try {
            server = IngestServer.start(config, publisher);
            TopologyPublisher topology = new TopologyPublisher(publisher);
            if (!config.staticFiles().isEmpty()) {
                started.add(
                        StaticDatasource.start(
                                config.staticFiles(), config.staticPollMs(), topology));
            }
            if (config.openstack() != null) {
                started.add(OpenStackDatasource.start(config.openstack(), topology));
            }
            if (config.kubernetes() != null) {
                started.add(KubernetesDatasource.start(config.kubernetes(), topology));
            }
            return new Collectors(publisher, server, started);
        } catch (RuntimeException e) {
            closeAll(started);
            if (server != null) {
                server.close();
            }
            publisher.close();
            throw e;
        }
    }

    /** The listeners' port. */
    public int port() {
        return server.port();
    }

    /** Events acknowledged by Kafka and answered 202 so far. */
    public long acceptedEvents() {
        return server.acceptedEvents();
    }

    /** Stops the datasources and the listeners, then flushes and closes the producer. */
    @Override
    public void close() {
        closeAll(datasources);
        server.close();
        publisher.flush();
        publisher.close();
        LOG.info("collectors stopped");
    }

    private static void closeAll(List<AutoCloseable> list) {
        for (AutoCloseable c : list) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("cannot stop {}: {}", c, e.toString());
            }
        }
    }
}
