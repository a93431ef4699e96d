package org.aitia.api.storage;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Searches the healing audit ({@code <prefix>-actions-*}, written by the healing module): every
 * outcome of every action, newest first.
 */
public final class AuditReader {
    private final EsStore store;

    public AuditReader(EsStore store) {
        this.store = store;
    }

    /**
     * The audit documents matching the filters (null: any), newest first.
     *
     * @param filters field = value conditions on keyword fields ({@code action_id}, {@code status},
     *     {@code type}, {@code target})
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> search(Map<String, String> filters, int limit) {
        BoolQuery.Builder b = new BoolQuery.Builder();
        filters.forEach((k, v) -> b.filter(f -> f.term(t -> t.field(k).value(v))));
        try {
            SearchResponse<Map> resp =
                    store.client()
                            .search(
                                    s ->
                                            s.index(store.pattern("actions"))
                                                    .ignoreUnavailable(true)
                                                    .allowNoIndices(true)
                                                    .query(q -> q.bool(b.build()))
                                                    .size(limit)
                                                    .sort(
                                                            o ->
                                                                    o.field(
                                                                            f ->
                                                                                    f.field("at")
                                                                                            .order(
                                                                                                    SortOrder
                                                                                                            .Desc)
                                                                                            .unmappedType(
                                                                                                    co
                                                                                                            .elastic
                                                                                                            .clients
                                                                                                            .elasticsearch
                                                                                                            ._types
                                                                                                            .mapping
                                                                                                            .FieldType
                                                                                                            .Date))),
                                    Map.class);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Hit<Map> h : resp.hits().hits()) {
                rows.add((Map<String, Object>) h.source());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("healing audit search failed", e);
        }
    }
}
