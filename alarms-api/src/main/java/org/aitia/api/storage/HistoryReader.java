package org.aitia.api.storage;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aitia.api.errors.ApiException;

/**
 * Searches the alarm history: every occurrence whose life ({@code start_timestamp} to {@code
 * end_timestamp}, or still active) overlaps the window, cleared ones included, in Vitrage's default
 * order ({@code start_timestamp}, {@code vitrage_id}), a page at a time.
 */
public final class HistoryReader {

    /**
     * A history query.
     *
     * @param start window start, or null for the beginning of time
     * @param end window end, or null for now
     * @param limit page size
     * @param descending sort direction of {@code start_timestamp}
     * @param marker the vitrage_id of the last row of the previous page, or null
     * @param filters field = value conditions (keyword fields)
     * @param project the caller's project, or null for all tenants
     */
    public record HistoryQuery(
            Instant start,
            Instant end,
            int limit,
            boolean descending,
            String marker,
            Map<String, String> filters,
            String project) {}

    private final EsStore store;

    public HistoryReader(EsStore store) {
        this.store = store;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> search(HistoryQuery q) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        if (q.end() != null) {
            b.filter(
                    r ->
                            r.range(
                                    x ->
                                            x.untyped(
                                                    u ->
                                                            u.field("start_timestamp")
                                                                    .lte(
                                                                            JsonData.of(
                                                                                    q.end()
                                                                                            .toString())))));
        }
        if (q.start() != null) {
            Query endsAfter =
                    Query.of(
                            r ->
                                    r.range(
                                            x ->
                                                    x.untyped(
                                                            u ->
                                                                    u.field("end_timestamp")
                                                                            .gte(
                                                                                    JsonData.of(
                                                                                            q.start()
                                                                                                    .toString())))));
            Query stillActive =
                    Query.of(
                            r ->
                                    r.bool(
                                            n ->
                                                    n.mustNot(
                                                            m ->
                                                                    m.exists(
                                                                            e ->
                                                                                    e.field(
                                                                                            "end_timestamp")))));
            b.filter(
                    f ->
                            f.bool(
                                    o ->
                                            o.should(endsAfter)
                                                    .should(stillActive)
                                                    .minimumShouldMatch("1")));
        }
        q.filters().forEach((k, v) -> b.filter(f -> f.term(t -> t.field(k).value(v))));
        if (q.project() != null) {
            Query own =
                    Query.of(
                            t ->
                                    t.term(
                                            x ->
                                                    x.field("vitrage_resource_project_id")
                                                            .value(q.project())));
            Query shared =
                    Query.of(
                            r ->
                                    r.bool(
                                            n ->
                                                    n.mustNot(
                                                            m ->
                                                                    m.exists(
                                                                            e ->
                                                                                    e.field(
                                                                                            "vitrage_resource_project_id")))));
            b.filter(f -> f.bool(o -> o.should(own).should(shared).minimumShouldMatch("1")));
        }
        SortOrder order = q.descending() ? SortOrder.Desc : SortOrder.Asc;
        List<FieldValue> after = q.marker() == null ? null : markerSort(q.marker(), order);
        SearchRequest.Builder req =
                new SearchRequest.Builder()
                        .index(store.pattern("alarm-occurrences"))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .query(x -> x.bool(b.build()))
                        .size(q.limit())
                        .sort(s -> s.field(f -> f.field("start_timestamp").order(order)))
                        .sort(s -> s.field(f -> f.field("vitrage_id").order(order)));
        if (after != null) {
            req.searchAfter(after);
        }
        try {
            SearchResponse<Map> resp = store.client().search(req.build(), Map.class);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Hit<Map> h : resp.hits().hits()) {
                rows.add((Map<String, Object>) h.source());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("alarm history search failed", e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw ApiException.badRequest("alarm history search refused: " + e.getMessage());
        }
    }

    @SuppressWarnings("rawtypes")
    private List<FieldValue> markerSort(String marker, SortOrder order) {
        try {
            SearchResponse<Map> resp =
                    store.client()
                            .search(
                                    s ->
                                            s.index(store.pattern("alarm-occurrences"))
                                                    .ignoreUnavailable(true)
                                                    .allowNoIndices(true)
                                                    .query(
                                                            x ->
                                                                    x.term(
                                                                            t ->
                                                                                    t.field(
                                                                                                    "vitrage_id")
                                                                                            .value(
                                                                                                    marker)))
                                                    .size(1)
                                                    .sort(
                                                            o ->
                                                                    o.field(
                                                                            f ->
                                                                                    f.field(
                                                                                                    "start_timestamp")
                                                                                            .order(
                                                                                                    order)))
                                                    .sort(
                                                            o ->
                                                                    o.field(
                                                                            f ->
                                                                                    f.field(
                                                                                                    "vitrage_id")
                                                                                            .order(
                                                                                                    order))),
                                    Map.class);
            if (resp.hits().hits().isEmpty()) {
                throw ApiException.badRequest("marker " + marker + " is no alarm of the history");
            }
            return resp.hits().hits().get(0).sort();
        } catch (IOException e) {
            throw new UncheckedIOException("alarm history search failed", e);
        }
    }
}
