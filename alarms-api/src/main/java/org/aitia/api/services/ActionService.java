package org.aitia.api.services;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.api.entities.ActionApproval;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.ActionLog;
import org.aitia.model.ActionResult;

/**
 * Healing actions and their results as seen on {@code aitia.actions} and {@code
 * aitia.action-results}, and operators' decisions on held actions, published on {@code
 * aitia.action-approvals} for the healing guard.
 */
public final class ActionService {
    private final ActionLog log;
    private final org.aitia.api.storage.AuditReader audit;
    private final Publisher publisher;
    private final String approvalsTopic;
    private final Clock clock;

    /**
     * @param audit the Elasticsearch audit, or null without Elasticsearch
     */
    public ActionService(
            ActionLog log,
            org.aitia.api.storage.AuditReader audit,
            Publisher publisher,
            String approvalsTopic,
            Clock clock) {
        this.log = log;
        this.audit = audit;
        this.publisher = publisher;
        this.approvalsTopic = approvalsTopic;
        this.clock = clock;
    }

    /**
     * The actions, newest first, filtered by latest status, type and target (null: any).
     *
     * @param limit at most this many
     */
    public List<Map<String, Object>> list(String status, String type, String target, int limit) {
        if (status != null) {
            try {
                ActionResult.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(
                        "status must be one of SENT, DRY_RUN, SUPPRESSED, HELD, FAILED, PENDING but was "
                                + status);
            }
        }
        return log.all().stream()
                .filter(e -> type == null || type.equals(typeOf(e)))
                .filter(e -> target == null || target.equals(targetOf(e)))
                .filter(e -> status == null || status.equalsIgnoreCase(statusOf(e)))
                .limit(limit)
                .map(ActionService::view)
                .toList();
    }

    /**
     * The healing audit in Elasticsearch (every outcome, also of actions older than the live view),
     * newest first.
     *
     * @throws ApiException 503 without Elasticsearch
     */
    public List<Map<String, Object>> audit(
            String actionId, String status, String type, String target, int limit) {
        if (audit == null) {
            throw ApiException.unavailable(
                    "the healing audit needs Elasticsearch, which is not configured");
        }
        Map<String, String> filters = new LinkedHashMap<>();
        if (actionId != null) {
            filters.put("action_id", actionId);
        }
        if (status != null) {
            filters.put("status", status.toUpperCase(java.util.Locale.ROOT));
        }
        if (type != null) {
            filters.put("type", type);
        }
        if (target != null) {
            filters.put("target", target);
        }
        return audit.search(filters, limit);
    }

    public Map<String, Object> show(String id) {
        return log.get(id)
                .map(ActionService::view)
                .orElseThrow(() -> ApiException.notFound("no healing action " + id));
    }

    private static String typeOf(ActionLog.Entry e) {
        return e.action() != null ? e.action().type() : e.results().get(0).type();
    }

    private static String targetOf(ActionLog.Entry e) {
        return e.action() != null ? e.action().target() : e.results().get(0).target();
    }

    private static String statusOf(ActionLog.Entry e) {
        return e.latest().map(r -> r.status().name()).orElse("PENDING");
    }

    private static Map<String, Object> view(ActionLog.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.action() != null ? e.action().id() : e.results().get(0).actionId());
        m.put("type", typeOf(e));
        m.put("target", targetOf(e));
        m.put("status", statusOf(e));
        m.put("action", e.action());
        m.put("results", e.results());
        return m;
    }

    /**
     * Publishes an operator's decision on a held action.
     *
     * @throws ApiException 404 for an unknown action, 409 when it is not held
     */
    public ActionApproval decide(
            String id, ActionApproval.Decision decision, String by, String reason) {
        ActionLog.Entry e =
                log.get(id).orElseThrow(() -> ApiException.notFound("no healing action " + id));
        String status = statusOf(e);
        if (!status.equals(ActionResult.Status.HELD.name())) {
            throw ApiException.conflict(
                    "action "
                            + id
                            + " is "
                            + status
                            + ", only a HELD action can be approved or rejected");
        }
        if (reason != null && reason.length() > 1000) {
            throw ApiException.badRequest("reason must be at most 1000 characters");
        }
        ActionApproval a = new ActionApproval(id, decision, by, reason, clock.instant());
        publisher.publish(approvalsTopic, id, a);
        return a;
    }
}
