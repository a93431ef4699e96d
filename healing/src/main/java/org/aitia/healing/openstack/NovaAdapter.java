package org.aitia.healing.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.adapter.Retrying;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;

/**
 * Nova (Compute API v2.1, microversion {@value #MICROVERSION}) calls, as the Compute API reference
 * shapes them:
 *
 * <ul>
 *   <li>{@code nova.host.force_down}: {@code PUT /os-services/{service_id}} {@code {"forced_down":
 *       true}}, the call OPNFV Doctor's inspector makes. Parameters: {@code service_id} (the
 *       nova-compute service UUID), or else {@code host} (falling back to the target) and {@code
 *       binary} (default {@code nova-compute}), looked up first with {@code GET
 *       /os-services?binary=..&host=..}.
 *   <li>{@code nova.server.reset_state}: {@code POST /servers/{server_id}/action} {@code
 *       {"os-resetState": {"state": "error"}}}. Parameters: {@code server_id} (default the target),
 *       {@code state} ({@code error} or {@code active}, default {@code error}).
 *   <li>{@code nova.server.reboot}: {@code {"reboot": {"type": "HARD"}}}; parameter {@code
 *       reboot_type} ({@code HARD} or {@code SOFT}, default {@code HARD}).
 *   <li>{@code nova.server.evacuate}: {@code {"evacuate": {"host": ...}}}; parameter {@code
 *       target_host} (optional: the scheduler picks one when absent).
 *   <li>{@code nova.server.live_migrate}: {@code {"os-migrateLive": {"host": ...,
 *       "block_migration": "auto"}}}; parameters {@code target_host} (optional, else null), {@code
 *       block_migration} ({@code auto}, {@code true}, {@code false}; default {@code auto}).
 * </ul>
 *
 * <p>Every call carries both {@code X-OpenStack-Nova-API-Version} and {@code OpenStack-API-Version:
 * compute} {@value #MICROVERSION}. Calls are asynchronous: the calls of one incident are all in
 * flight at once.
 */
public final class NovaAdapter implements Adapter {
    /** The Compute API microversion of every call: 2.53 addresses services by UUID. */
    public static final String MICROVERSION = "2.53";

    static final Map<String, String> HEADERS =
            Map.of(
                    "X-OpenStack-Nova-API-Version",
                    MICROVERSION,
                    "OpenStack-API-Version",
                    "compute " + MICROVERSION);

    private final OpenStackHttp http;
    private final Retrying retrying;

    public NovaAdapter(OpenStackHttp http, Retrying retrying) {
        this.http = http;
        this.retrying = retrying;
    }

    @Override
    public Set<String> types() {
        return Set.of(
                "nova.host.force_down",
                "nova.server.reset_state",
                "nova.server.reboot",
                "nova.server.evacuate",
                "nova.server.live_migrate");
    }

    @Override
    public CompletableFuture<CallOutcome> execute(HealingAction action) {
        return switch (action.type()) {
            case "nova.host.force_down" -> forceDown(action);
            case "nova.server.reset_state" -> serverAction(action, resetState(action));
            case "nova.server.reboot" -> serverAction(action, reboot(action));
            case "nova.server.evacuate" -> serverAction(action, evacuate(action));
            case "nova.server.live_migrate" -> serverAction(action, liveMigrate(action));
            default ->
                    CompletableFuture.completedFuture(
                            CallOutcome.failed(0, "nova cannot carry out " + action.type()));
        };
    }

    private CompletableFuture<CallOutcome> forceDown(HealingAction action) {
        String serviceId = action.parameters().get("service_id");
        if (serviceId != null && !serviceId.isBlank()) {
            return putForcedDown(action, serviceId, 0);
        }
        String host = Adapter.param(action, "host");
        String binary = action.parameters().getOrDefault("binary", "nova-compute");
        String query =
                "/os-services?binary="
                        + URLEncoder.encode(binary, StandardCharsets.UTF_8)
                        + "&host="
                        + URLEncoder.encode(host, StandardCharsets.UTF_8);
        String[] found = new String[1];
        return retrying.run(
                        action.id() + " GET " + query,
                        n ->
                                http.call(
                                        "nova",
                                        "compute",
                                        "GET",
                                        query,
                                        HEADERS,
                                        null,
                                        response -> {
                                            found[0] = serviceIdIn(response.body());
                                            return "found service " + found[0];
                                        }))
                .thenCompose(
                        lookup -> {
                            if (!lookup.sent()) {
                                return CompletableFuture.completedFuture(lookup);
                            }
                            if (found[0] == null) {
                                return CompletableFuture.completedFuture(
                                        CallOutcome.failed(
                                                lookup.attempts(),
                                                "nova knows no "
                                                        + binary
                                                        + " service on host "
                                                        + host));
                            }
                            return putForcedDown(action, found[0], lookup.attempts());
                        });
    }

    private CompletableFuture<CallOutcome> putForcedDown(
            HealingAction action, String serviceId, int earlierAttempts) {
        String path = "/os-services/" + serviceId;
        String body = "{\"forced_down\":true}";
        return retrying.run(
                        action.id() + " PUT " + path,
                        n ->
                                http.call(
                                        "nova",
                                        "compute",
                                        "PUT",
                                        path,
                                        HEADERS,
                                        body,
                                        r -> "nova forced service " + serviceId + " down"))
                .thenApply(
                        o -> new CallOutcome(o.sent(), o.attempts() + earlierAttempts, o.detail()));
    }

    private CompletableFuture<CallOutcome> serverAction(HealingAction action, ObjectNode body) {
        String path = "/servers/" + Adapter.param(action, "server_id") + "/action";
        String json = Json.write(body);
        String name = body.fieldNames().next();
        return retrying.run(
                action.id() + " POST " + path + " " + name,
                n ->
                        http.call(
                                "nova",
                                "compute",
                                "POST",
                                path,
                                HEADERS,
                                json,
                                r -> "nova accepted " + name + " (" + r.statusCode() + ")"));
    }

    private static ObjectNode resetState(HealingAction action) {
        String state = action.parameters().getOrDefault("state", "error");
        if (!state.equals("error") && !state.equals("active")) {
            throw new IllegalArgumentException(
                    "parameter state of nova.server.reset_state must be error or active but was "
                            + state);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("os-resetState").put("state", state);
        return body;
    }

    private static ObjectNode reboot(HealingAction action) {
        String type = action.parameters().getOrDefault("reboot_type", "HARD");
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("reboot").put("type", type);
        return body;
    }

    private static ObjectNode evacuate(HealingAction action) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode evacuate = body.putObject("evacuate");
        String host = action.parameters().get("target_host");
        if (host != null && !host.isBlank()) {
            evacuate.put("host", host);
        }
        return body;
    }

    private static ObjectNode liveMigrate(HealingAction action) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode migrate = body.putObject("os-migrateLive");
        String host = action.parameters().get("target_host");
        if (host != null && !host.isBlank()) {
            migrate.put("host", host);
        } else {
            migrate.putNull("host");
        }
        String block = action.parameters().getOrDefault("block_migration", "auto");
        switch (block) {
            case "auto" -> migrate.put("block_migration", "auto");
            case "true" -> migrate.put("block_migration", true);
            case "false" -> migrate.put("block_migration", false);
            default ->
                    throw new IllegalArgumentException(
                            "parameter block_migration must be auto, true or false but was "
                                    + block);
        }
        return body;
    }

    private static String serviceIdIn(String body) {
        try {
            JsonNode services = Json.mapper().readTree(body).path("services");
            return services.size() == 0 ? null : services.get(0).path("id").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("nova answered a service list that is not JSON", e);
        }
    }
}
