package org.aitia.collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code collectors} section of {@code aitia.yaml}. Every field is optional: the compact
 * constructors apply the defaults documented on each component.
 *
 * @param host the listeners' bind address (default {@code 127.0.0.1})
 * @param port the listeners' port (default 8090; 0 picks a free port)
 * @param basicAuth username and password the listeners require, or null for none
 * @param topics the Kafka topic names
 * @param partitions partitions of topics created when missing (default 3)
 * @param replicationFactor replication of topics created when missing (default 1)
 * @param httpThreads request worker threads (default 32)
 * @param maxInFlightEvents events accepted but not yet acknowledged by Kafka before the listeners
 *     answer 429 (default 200,000)
 * @param maxBodyBytes largest request body (default 16 MiB); larger ones get 413
 * @param ackTimeoutMs how long a request waits for Kafka's acknowledgement before it answers 503
 *     (default 30,000)
 * @param retryAfterSeconds the {@code Retry-After} of 429 and 503 answers (default 1)
 * @param producer extra Kafka producer properties (idempotence and {@code acks=all} cannot be
 *     turned off)
 * @param openstack the OpenStack datasource, or null for none
 * @param kubernetes the Kubernetes datasource, or null for none
 * @param staticFiles Vitrage static YAML files and {@code topology.json} files to publish and watch
 *     (default none)
 * @param staticPollMs how often static files are checked for changes (default 2,000)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CollectorsConfig(
        String host,
        Integer port,
        BasicAuth basicAuth,
        Topics topics,
        Integer partitions,
        Short replicationFactor,
        Integer httpThreads,
        Integer maxInFlightEvents,
        Integer maxBodyBytes,
        Long ackTimeoutMs,
        Integer retryAfterSeconds,
        Map<String, String> producer,
        OpenStack openstack,
        Kubernetes kubernetes,
        List<String> staticFiles,
        Long staticPollMs) {

    public CollectorsConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 8090 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("collectors.port must be 0..65535 but was " + port);
        }
        topics = topics == null ? new Topics(null, null, null, null) : topics;
        partitions = positive(partitions, 3, "partitions");
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        httpThreads = positive(httpThreads, 32, "httpThreads");
        maxInFlightEvents = positive(maxInFlightEvents, 200_000, "maxInFlightEvents");
        maxBodyBytes = positive(maxBodyBytes, 16 * 1024 * 1024, "maxBodyBytes");
        ackTimeoutMs = ackTimeoutMs == null ? 30_000L : ackTimeoutMs;
        retryAfterSeconds = positive(retryAfterSeconds, 1, "retryAfterSeconds");
        producer = producer == null ? Map.of() : Map.copyOf(producer);
        staticFiles = staticFiles == null ? List.of() : List.copyOf(staticFiles);
        staticPollMs = staticPollMs == null ? 2_000L : staticPollMs;
    }

    /** All defaults: listeners on 127.0.0.1:8090, no auth, no datasources. */
    public static CollectorsConfig defaults() {
        return new CollectorsConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** A copy listening on {@code newPort}. */
    public CollectorsConfig withPort(int newPort) {
        return new CollectorsConfig(
                host,
                newPort,
                basicAuth,
                topics,
                partitions,
                replicationFactor,
                httpThreads,
                maxInFlightEvents,
                maxBodyBytes,
                ackTimeoutMs,
                retryAfterSeconds,
                producer,
                openstack,
                kubernetes,
                staticFiles,
                staticPollMs);
    }

    /** A copy requiring basic auth. */
    public CollectorsConfig withBasicAuth(BasicAuth auth) {
        return new CollectorsConfig(
                host,
                port,
                auth,
                topics,
                partitions,
                replicationFactor,
                httpThreads,
                maxInFlightEvents,
                maxBodyBytes,
                ackTimeoutMs,
                retryAfterSeconds,
                producer,
                openstack,
                kubernetes,
                staticFiles,
                staticPollMs);
    }

    /** A copy with another in-flight cap and acknowledgement timeout. */
    public CollectorsConfig withFlowControl(int inFlightEvents, long ackTimeout) {
        return new CollectorsConfig(
                host,
                port,
                basicAuth,
                topics,
                partitions,
                replicationFactor,
                httpThreads,
                inFlightEvents,
                maxBodyBytes,
                ackTimeout,
                retryAfterSeconds,
                producer,
                openstack,
                kubernetes,
                staticFiles,
                staticPollMs);
    }

    /** A copy with these datasources. */
    public CollectorsConfig withDatasources(
            OpenStack os, Kubernetes k8s, List<String> files, Long pollMs) {
        return new CollectorsConfig(
                host,
                port,
                basicAuth,
                topics,
                partitions,
                replicationFactor,
                httpThreads,
                maxInFlightEvents,
                maxBodyBytes,
                ackTimeoutMs,
                retryAfterSeconds,
                producer,
                os,
                k8s,
                files,
                pollMs);
    }

    /** The acknowledgement timeout as a duration. */
    public Duration ackTimeout() {
        return Duration.ofMillis(ackTimeoutMs);
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "collectors." + name + " must be positive but was " + value);
        }
        return value;
    }

    /** Credentials of HTTP basic authentication. */
    public record BasicAuth(String username, String password) {
        public BasicAuth {
            if (username == null || username.isBlank() || password == null) {
                throw new IllegalArgumentException(
                        "collectors.basicAuth needs a username and a password");
            }
        }

        @Override
        public String toString() {
            return "BasicAuth[username=" + username + ", password=***]";
        }
    }

    /**
     * Topic names.
     *
     * @param telemetry default {@code aitia.telemetry}
     * @param deadletter default {@code aitia.deadletter}
     * @param topology default {@code aitia.topology}
     * @param raw default {@code aitia.raw}: every accepted request body, for {@code aitia record}
     */
    public record Topics(String telemetry, String deadletter, String topology, String raw) {
        public Topics {
            telemetry = telemetry == null || telemetry.isBlank() ? "aitia.telemetry" : telemetry;
            deadletter =
                    deadletter == null || deadletter.isBlank() ? "aitia.deadletter" : deadletter;
            topology = topology == null || topology.isBlank() ? "aitia.topology" : topology;
            raw = raw == null || raw.isBlank() ? "aitia.raw" : raw;
        }
    }

    /**
     * The OpenStack datasource (Keystone v3 password authentication, project scope).
     *
     * @param authUrl Keystone's v3 endpoint, e.g. {@code http://controller:5000/v3}
     * @param username user name
     * @param password password
     * @param userDomain the user's domain (default {@code Default})
     * @param project project name
     * @param projectDomain the project's domain (default {@code Default})
     * @param region region, or null for the catalogue's first
     * @param site the site of entities without an availability zone (default {@code default})
     * @param pollMs polling period (default 10,000)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpenStack(
            String authUrl,
            String username,
            String password,
            String userDomain,
            String project,
            String projectDomain,
            String region,
            String site,
            Long pollMs) {
        public OpenStack {
            if (authUrl == null || authUrl.isBlank()) {
                throw new IllegalArgumentException("collectors.openstack.authUrl is required");
            }
            if (username == null || password == null || project == null) {
                throw new IllegalArgumentException(
                        "collectors.openstack needs username, password and project");
            }
            userDomain = userDomain == null ? "Default" : userDomain;
            projectDomain = projectDomain == null ? "Default" : projectDomain;
            site = site == null || site.isBlank() ? "default" : site;
            pollMs = pollMs == null ? 10_000L : pollMs;
        }

        @Override
        public String toString() {
            return "OpenStack[authUrl="
                    + authUrl
                    + ", username="
                    + username
                    + ", project="
                    + project
                    + ", password=***]";
        }
    }

    /**
     * The Kubernetes datasource.
     *
     * @param masterUrl the API server, or null for the fabric8 default (kubeconfig, in-cluster)
     * @param namespace the namespace of pods, or null for all
     * @param site the site of nodes and pods (default {@code default})
     * @param resyncMs informer resync period (default 0: none)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kubernetes(String masterUrl, String namespace, String site, Long resyncMs) {
        public Kubernetes {
            site = site == null || site.isBlank() ? "default" : site;
            resyncMs = resyncMs == null ? 0L : resyncMs;
        }
    }
}
