package org.aitia.streaming;

import java.time.Duration;
import java.util.Properties;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.StateChange;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.correlate.SiteEngineFactory;
import org.aitia.streaming.elasticsearch.AlarmDocumentSink;
import org.aitia.streaming.functions.AssignSite;
import org.aitia.streaming.functions.CorrelateFunction;
import org.aitia.streaming.functions.DetectFunction;
import org.aitia.streaming.functions.EntityIndexEntry;
import org.aitia.streaming.functions.EventTimestamps;
import org.aitia.streaming.functions.IndexEntities;
import org.aitia.streaming.functions.JsonRecordDeserializer;
import org.aitia.streaming.functions.KeyedJsonSerializer;
import org.aitia.streaming.functions.Keys;
import org.aitia.streaming.functions.ResolveEntity;
import org.aitia.streaming.functions.ResolvedEvent;
import org.aitia.streaming.functions.RuleSetMessage;
import org.aitia.streaming.functions.SiteInput;
import org.aitia.streaming.functions.SiteOfAlarm;
import org.aitia.streaming.functions.TopologyRoutingKey;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The assurance job: telemetry, topology and rule sets in; alarms and healing actions out. This
 * class only wires; every operator is a named class in {@code functions}.
 *
 * <pre>
 * aitia.telemetry -> ResolveEntity (by ref; topology index) -> Detect (by entity) -\
 * aitia.topology  -> AssignSite (by entity) -----------------------------------------+-> Correlate (by site) -> aitia.alarms (+ Elasticsearch)
 * aitia.rules     -> broadcast -------------------------------------------------------/                      -> aitia.actions
 * </pre>
 */
public final class AssuranceJob {
    /** The job's name on the cluster. */
    public static final String NAME = "aitia-assurance";

    private AssuranceJob() {}

    /** Wires the job on {@code env} with the rule engine of rca-rules. */
    public static void build(StreamExecutionEnvironment env, StreamingConfig config) {
        build(env, config, Engines.rca());
    }

    /** Wires the job on {@code env}, correlating with engines from {@code engines}. */
    public static void build(
            StreamExecutionEnvironment env, StreamingConfig config, SiteEngineFactory engines) {
        Environments.configure(env, config);
        StreamingConfig.Topics topics = config.topics();
        Duration outOfOrderness = Duration.ofMillis(config.outOfOrdernessMs());
        Duration idleness = Duration.ofMillis(config.idlenessMs());

        WatermarkStrategy<TelemetryEvent> telemetryWatermarks =
                WatermarkStrategy.<TelemetryEvent>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner(new EventTimestamps.Telemetry())
                        .withIdleness(idleness);
        WatermarkStrategy<TopologyChange> topologyWatermarks =
                WatermarkStrategy.<TopologyChange>forBoundedOutOfOrderness(outOfOrderness)
                        .withTimestampAssigner(new EventTimestamps.Topology())
                        .withIdleness(idleness);
        WatermarkStrategy<RuleSetMessage> rulesWatermarks =
                WatermarkStrategy.<RuleSetMessage>forMonotonousTimestamps().withIdleness(idleness);

        DataStream<TelemetryEvent> telemetry =
                env.fromSource(
                                source(config, topics.telemetry(), TelemetryEvent.class),
                                telemetryWatermarks,
                                "telemetry")
                        .uid("source-telemetry");
        DataStream<TopologyChange> topology =
                env.fromSource(
                                source(config, topics.topology(), TopologyChange.class),
                                topologyWatermarks,
                                "topology")
                        .uid("source-topology");
        DataStream<RuleSetMessage> rules =
                env.fromSource(
                                source(config, topics.rules(), RuleSetMessage.class),
                                rulesWatermarks,
                                "rules")
                        .uid("source-rules")
                        .setParallelism(1);

        DataStream<EntityIndexEntry> index =
                topology.flatMap(new IndexEntities())
                        .returns(JsonTypeInfo.of(EntityIndexEntry.class))
                        .name("index-entities")
                        .uid("index-entities");
        DataStream<ResolvedEvent> resolved =
                telemetry
                        .keyBy(new Keys.EntityRef())
                        .connect(index.keyBy(new Keys.IndexRef()))
                        .process(new ResolveEntity(config.resolveGraceMs()))
                        .returns(JsonTypeInfo.of(ResolvedEvent.class))
                        .name("resolve-entity")
                        .uid("resolve-entity");
        SingleOutputStreamOperator<Alarm> rawAlarms =
                resolved.keyBy(new Keys.EntityId())
                        .process(new DetectFunction(config.detect()))
                        .returns(JsonTypeInfo.of(Alarm.class))
                        .name("detect")
                        .uid("detect");
        DataStream<SiteInput> siteTopology =
                topology.keyBy(new TopologyRoutingKey())
                        .process(new AssignSite(config.detect().problemStates()))
                        .returns(JsonTypeInfo.of(SiteInput.class))
                        .name("assign-site")
                        .uid("assign-site");
        DataStream<SiteInput> siteAlarms =
                rawAlarms
                        .map(new SiteOfAlarm())
                        .returns(JsonTypeInfo.of(SiteInput.class))
                        .name("site-of-alarm")
                        .uid("site-of-alarm");
        BroadcastStream<RuleSetMessage> ruleBroadcast = rules.broadcast(CorrelateFunction.RULES);
        SingleOutputStreamOperator<Alarm> alarms =
                siteTopology
                        .union(siteAlarms)
                        .keyBy(new Keys.Site())
                        .connect(ruleBroadcast)
                        .process(new CorrelateFunction(engines))
                        .returns(JsonTypeInfo.of(Alarm.class))
                        .name("correlate")
                        .uid("correlate");
        DataStream<HealingAction> actions = alarms.getSideOutput(CorrelateFunction.ACTIONS);

        alarms.sinkTo(sink(config, topics.alarms(), Alarm.class))
                .name("sink-alarms")
                .uid("sink-alarms");
        actions.sinkTo(sink(config, topics.actions(), HealingAction.class))
                .name("sink-actions")
                .uid("sink-actions");
        alarms.getSideOutput(CorrelateFunction.STATES)
                .sinkTo(sink(config, topics.states(), StateChange.class))
                .name("sink-states")
                .uid("sink-states");
        if (config.elasticsearch().enabled()) {
            alarms.sinkTo(new AlarmDocumentSink(config.elasticsearch()))
                    .name("sink-elasticsearch")
                    .uid("sink-elasticsearch");
        }
    }

    private static <T> KafkaSource<T> source(StreamingConfig config, String topic, Class<T> type) {
        return KafkaSource.<T>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(topic)
                .setGroupId(config.groupId())
                .setClientIdPrefix(config.groupId() + "-" + topic)
                .setStartingOffsets(
                        config.startingOffsets().equals("latest")
                                ? OffsetsInitializer.latest()
                                : OffsetsInitializer.earliest())
                .setDeserializer(new JsonRecordDeserializer<>(type))
                .setProperty("partition.discovery.interval.ms", "10000")
                .setProperty("fetch.max.wait.ms", "5")
                .build();
    }

    /**
     * At-least-once: records are flushed on every checkpoint, so none is lost, and they are visible
     * at once (exactly-once would hold them in a transaction until the checkpoint completes, adding
     * a checkpoint interval to every alarm's latency). A record replayed after a restore carries
     * the same deterministic id, so consumers keyed by id see it once.
     */
    private static <T> KafkaSink<T> sink(StreamingConfig config, String topic, Class<T> type) {
        Properties producer = new Properties();
        producer.setProperty("linger.ms", String.valueOf(config.lingerMs()));
        producer.setProperty("acks", "all");
        producer.setProperty("enable.idempotence", "true");
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new KeyedJsonSerializer<>(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * The job jar's entry point: {@code --config aitia.yaml} (the {@code streaming} section, or a
     * file that is just that section) and/or {@code --bootstrap-servers HOST:PORT}, {@code
     * --parallelism N}, {@code --checkpoint-interval-ms N}, {@code --checkpoint-dir URI}, {@code
     * --es URL}.
     */
    public static void main(String[] args) throws Exception {
        StreamingConfig config = ConfigArgs.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, config);
        env.execute(NAME);
    }
}
