package org.aitia.streaming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.Serializable;
import java.util.List;

/**
 * Configuration of the assurance job, bound from the {@code streaming} section of {@code
 * aitia.yaml}. Every absent (null) field takes the default named on it.
 *
 * @param bootstrapServers Kafka bootstrap servers, default {@code localhost:9092}
 * @param groupId the Kafka consumer group of the job's sources, default {@code aitia-streaming}
 * @param startingOffsets {@code earliest} (default: a compacted topology topic must be read from
 *     its start) or {@code latest}
 * @param topics topic names
 * @param parallelism default parallelism of the job's operators, default 1
 * @param checkpointIntervalMs checkpoint interval, default 2000; 0 disables checkpoints
 * @param checkpointDir where checkpoints are kept ({@code file:///...}, {@code s3://...}), or null
 *     to keep them in the JobManager's memory
 * @param restoreFrom a checkpoint or savepoint path to start from, or null
 * @param outOfOrdernessMs the bounded out-of-orderness of the watermarks, default 2000
 * @param idlenessMs after this long without records a source split stops holding back the
 *     watermark, default 5000
 * @param bufferTimeoutMs how long a network buffer may wait to fill before it is sent, default 5
 *     (latency over throughput)
 * @param lingerMs the Kafka producers' {@code linger.ms}, default 0
 * @param resolveGraceMs how long telemetry about an entity the topology does not know yet waits for
 *     it (processing time) before it is resolved to itself in site {@code default}, default 3000
 * @param detect detection settings
 * @param elasticsearch where alarm documents go; no hosts means no Elasticsearch sink
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StreamingConfig(
        String bootstrapServers,
        String groupId,
        String startingOffsets,
        Topics topics,
        Integer parallelism,
        Long checkpointIntervalMs,
        String checkpointDir,
        String restoreFrom,
        Long outOfOrdernessMs,
        Long idlenessMs,
        Long bufferTimeoutMs,
        Integer lingerMs,
        Long resolveGraceMs,
        DetectConfig detect,
        ElasticsearchConfig elasticsearch)
        implements Serializable {

    public StreamingConfig {
        bootstrapServers = orDefault(bootstrapServers, "localhost:9092");
        groupId = orDefault(groupId, "aitia-streaming");
        startingOffsets = orDefault(startingOffsets, "earliest");
        if (!startingOffsets.equals("earliest") && !startingOffsets.equals("latest")) {
            throw new IllegalArgumentException(
                    "streaming.startingOffsets must be earliest or latest but was "
                            + startingOffsets);
        }
        topics = topics == null ? Topics.defaults() : topics;
        parallelism = positive(parallelism == null ? 1 : parallelism, "parallelism");
        checkpointIntervalMs = checkpointIntervalMs == null ? 2000L : checkpointIntervalMs;
        if (checkpointIntervalMs < 0) {
            throw new IllegalArgumentException(
                    "streaming.checkpointIntervalMs must be >= 0 but was " + checkpointIntervalMs);
        }
        checkpointDir = blankToNull(checkpointDir);
        restoreFrom = blankToNull(restoreFrom);
        outOfOrdernessMs = nonNegative(outOfOrdernessMs, 2000L, "outOfOrdernessMs");
        idlenessMs = nonNegative(idlenessMs, 5000L, "idlenessMs");
        bufferTimeoutMs = nonNegative(bufferTimeoutMs, 5L, "bufferTimeoutMs");
        lingerMs = lingerMs == null ? 0 : lingerMs;
        if (lingerMs < 0) {
            throw new IllegalArgumentException(
                    "streaming.lingerMs must be >= 0 but was " + lingerMs);
        }
        resolveGraceMs = nonNegative(resolveGraceMs, 3000L, "resolveGraceMs");
        detect = detect == null ? DetectConfig.defaults() : detect;
        elasticsearch = elasticsearch == null ? ElasticsearchConfig.none() : elasticsearch;
    }

    /** Every default. */
    public static StreamingConfig defaults() {
        return new StreamingConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The defaults, against {@code servers}. */
    public static StreamingConfig forKafka(String servers) {
        return defaults().withBootstrapServers(servers);
    }

    public StreamingConfig withBootstrapServers(String servers) {
        return new StreamingConfig(
                servers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withCheckpoints(long intervalMs, String dir) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                intervalMs,
                dir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withRestoreFrom(String path) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                path,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withTopics(Topics newTopics) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                newTopics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withDetect(DetectConfig newDetect) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                newDetect,
                elasticsearch);
    }

    public StreamingConfig withElasticsearch(ElasticsearchConfig es) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                es);
    }

    public StreamingConfig withParallelism(int p) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                p,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withGroupId(String group) {
        return new StreamingConfig(
                bootstrapServers,
                group,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withBufferTimeoutMs(long ms) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                ms,
                lingerMs,
                resolveGraceMs,
                detect,
                elasticsearch);
    }

    public StreamingConfig withResolveGraceMs(long ms) {
        return new StreamingConfig(
                bootstrapServers,
                groupId,
                startingOffsets,
                topics,
                parallelism,
                checkpointIntervalMs,
                checkpointDir,
                restoreFrom,
                outOfOrdernessMs,
                idlenessMs,
                bufferTimeoutMs,
                lingerMs,
                ms,
                detect,
                elasticsearch);
    }

    /**
     * Topic names (DESIGN.md defaults).
     *
     * @param telemetry default {@code aitia.telemetry}
     * @param topology default {@code aitia.topology}
     * @param rules default {@code aitia.rules}
     * @param alarms default {@code aitia.alarms}
     * @param actions default {@code aitia.actions}
     * @param states default {@code aitia.states}: entity state changes set by the rules
     */
    public record Topics(
            String telemetry,
            String topology,
            String rules,
            String alarms,
            String actions,
            String states)
            implements Serializable {
        public Topics {
            telemetry = orDefault(telemetry, "aitia.telemetry");
            topology = orDefault(topology, "aitia.topology");
            rules = orDefault(rules, "aitia.rules");
            alarms = orDefault(alarms, "aitia.alarms");
            actions = orDefault(actions, "aitia.actions");
            states = orDefault(states, "aitia.states");
        }

        /** The five topics of DESIGN.md, with the default states topic. */
        public Topics(
                String telemetry, String topology, String rules, String alarms, String actions) {
            this(telemetry, topology, rules, alarms, actions, null);
        }

        public static Topics defaults() {
            return new Topics(null, null, null, null, null, null);
        }

        /** The default names with {@code prefix} before each (for isolated tests). */
        public static Topics prefixed(String prefix) {
            Topics d = defaults();
            return new Topics(
                    prefix + d.telemetry,
                    prefix + d.topology,
                    prefix + d.rules,
                    prefix + d.alarms,
                    prefix + d.actions,
                    prefix + d.states);
        }
    }

    /**
     * Detection settings.
     *
     * @param thresholds metric threshold rules, default none
     * @param flapCount raises within {@code flapWindowMs} that make an alarm flapping, default 5
     * @param flapWindowMs the flap window, default 60000
     * @param problemStates state words (case-insensitive) that raise a state alarm, default down,
     *     error, failed, notready, unreachable, unknown, lost
     * @param goodStates state words that clear it, default up, active, ready, available, ok,
     *     running, enabled
     */
    public record DetectConfig(
            List<ThresholdRule> thresholds,
            Integer flapCount,
            Long flapWindowMs,
            List<String> problemStates,
            List<String> goodStates)
            implements Serializable {
        public DetectConfig {
            thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
            flapCount = flapCount == null ? 5 : positive(flapCount, "detect.flapCount");
            flapWindowMs = nonNegative(flapWindowMs, 60_000L, "detect.flapWindowMs");
            problemStates =
                    lower(
                            problemStates,
                            List.of(
                                    "down",
                                    "error",
                                    "failed",
                                    "notready",
                                    "unreachable",
                                    "unknown",
                                    "lost"));
            goodStates =
                    lower(
                            goodStates,
                            List.of(
                                    "up",
                                    "active",
                                    "ready",
                                    "available",
                                    "ok",
                                    "running",
                                    "enabled"));
        }

        public static DetectConfig defaults() {
            return new DetectConfig(null, null, null, null, null);
        }

        public DetectConfig withThresholds(List<ThresholdRule> rules) {
            return new DetectConfig(rules, flapCount, flapWindowMs, problemStates, goodStates);
        }

        private static List<String> lower(List<String> given, List<String> dflt) {
            return (given == null ? dflt : given)
                    .stream().map(s -> s.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        }
    }

    /**
     * Elasticsearch sink settings.
     *
     * @param hosts {@code http://host:port} URLs; empty means no Elasticsearch sink
     * @param alarmsIndex the index of current alarm documents (doc id = alarm id), default {@code
     *     aitia-alarms}
     * @param historyIndex the prefix of the daily indices of alarm transitions ({@code
     *     <historyIndex>-yyyy.MM.dd} by the transition's UTC day; doc id = alarm id + transition),
     *     default {@code aitia-alarm-history}
     * @param bulkActions documents per bulk request, default 500
     * @param flushIntervalMs how long a document may wait for a bulk to fill, default 200
     * @param retryBackoffMs first back-off after a failed bulk (doubles up to 30 s), default 500
     * @param maxBufferedDocs documents kept while Elasticsearch is down before the sink pushes
     *     back, default 100000
     */
    public record ElasticsearchConfig(
            List<String> hosts,
            String alarmsIndex,
            String historyIndex,
            Integer bulkActions,
            Long flushIntervalMs,
            Long retryBackoffMs,
            Integer maxBufferedDocs)
            implements Serializable {
        public ElasticsearchConfig {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
            alarmsIndex = orDefault(alarmsIndex, "aitia-alarms");
            historyIndex = orDefault(historyIndex, "aitia-alarm-history");
            bulkActions = bulkActions == null ? 500 : positive(bulkActions, "bulkActions");
            flushIntervalMs = nonNegative(flushIntervalMs, 200L, "flushIntervalMs");
            retryBackoffMs = nonNegative(retryBackoffMs, 500L, "retryBackoffMs");
            maxBufferedDocs =
                    maxBufferedDocs == null
                            ? 100_000
                            : positive(maxBufferedDocs, "maxBufferedDocs");
        }

        public static ElasticsearchConfig none() {
            return new ElasticsearchConfig(null, null, null, null, null, null, null);
        }

        public static ElasticsearchConfig at(String url) {
            return new ElasticsearchConfig(List.of(url), null, null, null, null, null, null);
        }

        public boolean enabled() {
            return !hosts.isEmpty();
        }
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException("streaming." + name + " must be > 0 but was " + v);
        }
        return v;
    }

    private static long nonNegative(Long v, long d, String name) {
        long x = v == null ? d : v;
        if (x < 0) {
            throw new IllegalArgumentException("streaming." + name + " must be >= 0 but was " + x);
        }
        return x;
    }
}
