package org.aitia.api.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.aitia.model.Severity;

/**
 * The API's Prometheus metrics in the text exposition format 0.0.4: requests by route, method and
 * status; request latency histogram by route; active alarms by severity; engine lag and live-view
 * state (from gauges registered by {@link #gauge}).
 */
public final class ApiMetrics {
    /** Latency buckets in seconds. */
    static final double[] BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5
    };

    private record RequestKey(String route, String method, int status) {}

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumMicros = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }

    private record Gauge(String name, String help, Supplier<Number> value) {}

    private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final List<Gauge> gauges = new ArrayList<>();
    private volatile Supplier<Map<Severity, Integer>> severities =
            () -> new EnumMap<>(Severity.class);

    /** Counts one request to {@code route} that took {@code seconds}. */
    public void request(String route, String method, int status, double seconds) {
        requests.computeIfAbsent(new RequestKey(route, method, status), k -> new LongAdder())
                .increment();
        Histogram h = latency.computeIfAbsent(route, k -> new Histogram());
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                h.counts[i].increment();
            }
        }
        h.count.increment();
        h.sumMicros.add((long) (seconds * 1_000_000));
    }

    /** Registers a gauge read at each scrape. */
    public synchronized void gauge(String name, String help, Supplier<Number> value) {
        gauges.add(new Gauge(name, help, value));
    }

    /** Registers where the active alarms by severity come from. */
    public void severities(Supplier<Map<Severity, Integer>> source) {
        this.severities = source;
    }

    /** The exposition text. */
    public String scrape() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# HELP aitia_api_requests_total HTTP requests by route, method and status.\n");
        sb.append("# TYPE aitia_api_requests_total counter\n");
        requests.forEach(
                (k, v) ->
                        sb.append("aitia_api_requests_total{route=\"")
                                .append(esc(k.route()))
                                .append("\",method=\"")
                                .append(k.method())
                                .append("\",status=\"")
                                .append(k.status())
                                .append("\"} ")
                                .append(v.sum())
                                .append('\n'));
        sb.append("# HELP aitia_api_request_duration_seconds HTTP request latency by route.\n");
        sb.append("# TYPE aitia_api_request_duration_seconds histogram\n");
        latency.forEach(
                (route, h) -> {
                    String r = esc(route);
                    for (int i = 0; i < BUCKETS.length; i++) {
                        sb.append("aitia_api_request_duration_seconds_bucket{route=\"")
                                .append(r)
                                .append("\",le=\"")
                                .append(BUCKETS[i])
                                .append("\"} ")
                                .append(h.counts[i].sum())
                                .append('\n');
                    }
                    sb.append("aitia_api_request_duration_seconds_bucket{route=\"")
                            .append(r)
                            .append("\",le=\"+Inf\"} ")
                            .append(h.count.sum())
                            .append('\n');
                    sb.append("aitia_api_request_duration_seconds_sum{route=\"")
                            .append(r)
                            .append("\"} ")
                            .append(h.sumMicros.sum() / 1_000_000.0)
                            .append('\n');
                    sb.append("aitia_api_request_duration_seconds_count{route=\"")
                            .append(r)
                            .append("\"} ")
                            .append(h.count.sum())
                            .append('\n');
                });
        sb.append("# HELP aitia_alarms_active Active alarms by operational severity.\n");
        sb.append("# TYPE aitia_alarms_active gauge\n");
        Map<Severity, Integer> bySeverity = severities.get();
        for (Severity s : Severity.values()) {
            sb.append("aitia_alarms_active{severity=\"")
                    .append(s.label())
                    .append("\"} ")
                    .append(bySeverity.getOrDefault(s, 0))
                    .append('\n');
        }
        List<Gauge> gs;
        synchronized (this) {
            gs = List.copyOf(gauges);
        }
        for (Gauge g : gs) {
            sb.append("# HELP ").append(g.name()).append(' ').append(g.help()).append('\n');
            sb.append("# TYPE ").append(g.name()).append(" gauge\n");
            sb.append(g.name()).append(' ').append(g.value().get()).append('\n');
        }
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
