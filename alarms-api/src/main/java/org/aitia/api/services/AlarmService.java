package org.aitia.api.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.storage.HistoryReader;
import org.aitia.api.vitrage.VitrageViews;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Severity;

/**
 * Vitrage's alarm API over the live view ({@code list}, {@code show}, {@code count}) and the
 * Elasticsearch history ({@code history}). The JSON of each alarm is rendered once per change of
 * the alarm or its resource and reused, so a page costs little more than copying bytes.
 */
public final class AlarmService {

    /** Vitrage's default sort. */
    public static final List<String> DEFAULT_SORT = List.of("start_timestamp", "vitrage_id");

    /**
     * A list request.
     *
     * @param vitrageId {@code all} or the resource whose alarms are wanted
     * @param limit page size
     * @param sortBy fields
     * @param sortDirs {@code asc}/{@code desc} per field
     * @param filterBy fields
     * @param filterVals values (substring match) per field
     * @param marker the vitrage_id the page starts after (or ends before)
     * @param nextPage true for the page after the marker
     */
    public record ListQuery(
            String vitrageId,
            int limit,
            List<String> sortBy,
            List<String> sortDirs,
            List<String> filterBy,
            List<String> filterVals,
            String marker,
            boolean nextPage) {

        boolean isDefaultOrder() {
            return (sortBy.isEmpty() || sortBy.equals(DEFAULT_SORT))
                    && sortDirs.stream().allMatch(d -> d.equalsIgnoreCase("asc"))
                    && filterBy.isEmpty()
                    && nextPage;
        }
    }

    private record Rendered(Alarm alarm, Entity entity, byte[] json) {}

    private final LiveAlarms alarms;
    private final LiveTopology topology;
    private final HistoryReader history;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    /**
     * @param history the Elasticsearch history, or null when the API runs without one
     */
    public AlarmService(LiveAlarms alarms, LiveTopology topology, HistoryReader history) {
        this.alarms = alarms;
        this.topology = topology;
        this.history = history;
    }

    /**
     * A page of alarms as a JSON array, held as the alarms' cached JSON fragments (nothing is
     * copied until it is written).
     */
    public static final class Page {
        private static final byte[] OPEN = {'['};
        private static final byte[] CLOSE = {']'};
        private static final byte[] COMMA = {','};
        private final List<byte[]> parts = new ArrayList<>();
        private int length = 2;

        void add(byte[] alarmJson) {
            if (!parts.isEmpty()) {
                length++;
            }
            parts.add(alarmJson);
            length += alarmJson.length;
        }

        /** The size of the JSON in bytes. */
        public int length() {
            return length;
        }

        /** Writes the JSON array to {@code out}. */
        public void writeTo(java.io.OutputStream out) throws java.io.IOException {
            out.write(OPEN);
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    out.write(COMMA);
                }
                out.write(parts.get(i));
            }
            out.write(CLOSE);
        }

        /** The JSON array as bytes. */
        public byte[] bytes() {
            ByteArrayOutputStream b = new ByteArrayOutputStream(length);
            try {
                writeTo(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return b.toByteArray();
        }
    }

    /** The page of alarms. */
    public Page list(Scope scope, ListQuery q) {
        validate(q.sortBy(), q.sortDirs(), q.filterBy(), q.filterVals());
        boolean all = q.vitrageId() == null || q.vitrageId().equals("all");
        Page page = new Page();
        if (q.isDefaultOrder()) {
            Collection<Alarm> source =
                    q.marker() == null
                            ? alarms.inStartOrder()
                            : alarms.inStartOrderAfter(q.marker());
            if (source == null) {
                throw ApiException.badRequest("marker " + q.marker() + " is no active alarm");
            }
            int n = 0;
            for (Alarm a : source) {
                if (n >= q.limit()) {
                    break;
                }
                if (!all && !a.entityId().equals(q.vitrageId())) {
                    continue;
                }
                Entity e = topology.entityOrNull(a.entityId());
                if (!scope.sees(e)) {
                    continue;
                }
                n++;
                page.add(json(a, e));
            }
        } else {
            for (Map<String, Object> row : slowPage(scope, q, all)) {
                page.add(json((Alarm) row.get("__alarm"), (Entity) row.get("__entity")));
            }
        }
        return page;
    }

    private List<Map<String, Object>> slowPage(Scope scope, ListQuery q, boolean all) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Alarm a : alarms.inStartOrder()) {
            if (!all && !a.entityId().equals(q.vitrageId())) {
                continue;
            }
            Entity e = topology.entityOrNull(a.entityId());
            if (!scope.sees(e)) {
                continue;
            }
            Map<String, Object> view = VitrageViews.alarm(a, e);
            if (!matches(view, q.filterBy(), q.filterVals())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(view);
            row.put("__alarm", a);
            row.put("__entity", e);
            rows.add(row);
        }
        rows.sort(comparator(q.sortBy().isEmpty() ? DEFAULT_SORT : q.sortBy(), q.sortDirs()));
        int from = 0;
        int to = rows.size();
        if (q.marker() != null) {
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (q.marker().equals(rows.get(i).get("vitrage_id"))) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw ApiException.badRequest("marker " + q.marker() + " is no alarm of this list");
            }
            if (q.nextPage()) {
                from = at + 1;
            } else {
                to = at;
                from = Math.max(0, at - q.limit());
            }
        }
        return rows.subList(from, Math.min(to, from + q.limit()));
    }

    static boolean matches(Map<String, Object> view, List<String> by, List<String> vals) {
        for (int i = 0; i < by.size(); i++) {
            Object v = view.get(by.get(i));
            if (v == null || !String.valueOf(v).contains(vals.get(i))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Map<String, Object>> comparator(List<String> by, List<String> dirs) {
        Comparator<Map<String, Object>> c = null;
        for (int i = 0; i < by.size(); i++) {
            String f = by.get(i);
            Comparator<Map<String, Object>> one =
                    Comparator.comparing(
                            m -> (Comparable) (m.get(f) == null ? "" : String.valueOf(m.get(f))),
                            Comparator.naturalOrder());
            if (i < dirs.size() && dirs.get(i).equalsIgnoreCase("desc")) {
                one = one.reversed();
            }
            c = c == null ? one : c.thenComparing(one);
        }
        return c;
    }

    static void validate(
            List<String> sortBy,
            List<String> sortDirs,
            List<String> filterBy,
            List<String> filterVals) {
        if (sortDirs.size() > Math.max(sortBy.size(), DEFAULT_SORT.size())) {
            throw ApiException.badRequest("sort_dirs has more entries than sort_by");
        }
        for (String d : sortDirs) {
            String l = d.toLowerCase(Locale.ROOT);
            if (!l.equals("asc") && !l.equals("desc")) {
                throw ApiException.badRequest("sort_dirs must be asc or desc but was " + d);
            }
        }
        if (filterBy.size() != filterVals.size()) {
            throw ApiException.badRequest(
                    "filter_by and filter_vals must have as many entries ("
                            + filterBy.size()
                            + " and "
                            + filterVals.size()
                            + ")");
        }
    }

    /** The alarm's Vitrage JSON, rendered once per change of the alarm or its resource. */
    byte[] json(Alarm a, Entity e) {
        Rendered r = rendered.get(a.id());
        if (r != null && r.alarm() == a && r.entity() == e) {
            return r.json();
        }
        try {
            byte[] bytes = Json.mapper().writeValueAsBytes(VitrageViews.alarm(a, e));
            if (rendered.size() > 4 * Math.max(1000, alarms.size())) {
                rendered.keySet().removeIf(id -> alarms.get(id).isEmpty());
            }
            rendered.put(a.id(), new Rendered(a, e, bytes));
            return bytes;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot render alarm " + a.id(), ex);
        }
    }

    /** The active alarm {@code id} as Vitrage shows it. */
    public Map<String, Object> show(Scope scope, String id) {
        Alarm a = alarms.get(id).orElseThrow(() -> ApiException.notFound("no active alarm " + id));
        Entity e = topology.entityOrNull(a.entityId());
        if (!scope.sees(e)) {
            throw ApiException.notFound("no active alarm " + id);
        }
        return VitrageViews.alarm(a, e);
    }

    /** Active alarms by operational severity, as {@code vitrage alarm count}. */
    public Map<String, Integer> count(Scope scope) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("critical", 0);
        counts.put("severe", 0);
        counts.put("warning", 0);
        counts.put("ok", 0);
        counts.put("na", 0);
        for (Alarm a : alarms.inStartOrder()) {
            if (scope.sees(topology.entityOrNull(a.entityId()))) {
                counts.merge(key(a.severity()), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String key(Severity s) {
        return s == Severity.NA ? "na" : s.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The alarm history: every occurrence overlapping [start, end], cleared ones included.
     *
     * @throws ApiException 503 when the API runs without Elasticsearch
     */
    public List<Map<String, Object>> history(Scope scope, Instant start, Instant end, ListQuery q) {
        if (history == null) {
            throw ApiException.unavailable(
                    "alarm history needs Elasticsearch, which is not configured");
        }
        validate(q.sortBy(), q.sortDirs(), q.filterBy(), q.filterVals());
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.badRequest("end " + end + " is before start " + start);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i < q.filterBy().size(); i++) {
            filters.put(q.filterBy().get(i), q.filterVals().get(i));
        }
        boolean desc = !q.sortDirs().isEmpty() && q.sortDirs().get(0).equalsIgnoreCase("desc");
        return history.search(
                new HistoryReader.HistoryQuery(
                        start, end, q.limit(), desc, q.marker(), filters, scope.projectFilter()));
    }
}
