package org.aitia.healing.openstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.Attempt;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.adapter.Retrying;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;

/**
 * Neutron (Networking API v2.0): {@code neutron.port.set_status} marks a port's data plane down
 * with {@code PUT /v2.0/ports/{port_id}} {@code {"port": {"data_plane_status": "DOWN"}}} where the
 * deployment has the {@code data-plane-status} extension (asked once with {@code GET
 * /v2.0/extensions/data-plane-status}); otherwise it sets {@code {"port": {"admin_state_up":
 * false}}}. Parameters: {@code port_id} (default the target), {@code status} ({@code DOWN} or
 * {@code ACTIVE}, default {@code DOWN}).
 */
public final class NeutronAdapter implements Adapter {
    private final OpenStackHttp http;
    private final Retrying retrying;
    private volatile CompletableFuture<Boolean> dataPlaneStatus;

    public NeutronAdapter(OpenStackHttp http, Retrying retrying) {
        this.http = http;
        this.retrying = retrying;
    }

    @Override
    public Set<String> types() {
        return Set.of("neutron.port.set_status");
    }

    @Override
    public CompletableFuture<CallOutcome> execute(HealingAction action) {
        String status = action.parameters().getOrDefault("status", "DOWN");
        if (!status.equals("DOWN") && !status.equals("ACTIVE")) {
            throw new IllegalArgumentException(
                    "parameter status of neutron.port.set_status must be DOWN or ACTIVE but was "
                            + status);
        }
        String portId = Adapter.param(action, "port_id");
        return supportsDataPlaneStatus(action)
                .thenCompose(
                        supported -> {
                            ObjectNode body = Json.mapper().createObjectNode();
                            ObjectNode port = body.putObject("port");
                            if (supported) {
                                port.put("data_plane_status", status);
                            } else {
                                port.put("admin_state_up", status.equals("ACTIVE"));
                            }
                            String path = "/v2.0/ports/" + portId;
                            String json = Json.write(body);
                            String what =
                                    supported
                                            ? "data_plane_status " + status
                                            : "admin_state_up " + status.equals("ACTIVE");
                            return retrying.run(
                                    action.id() + " PUT " + path,
                                    n ->
                                            http.call(
                                                    "neutron",
                                                    "network",
                                                    "PUT",
                                                    path,
                                                    Map.of(),
                                                    json,
                                                    r ->
                                                            "neutron set port "
                                                                    + portId
                                                                    + " "
                                                                    + what));
                        });
    }

    private CompletableFuture<Boolean> supportsDataPlaneStatus(HealingAction action) {
        CompletableFuture<Boolean> known = dataPlaneStatus;
        if (known != null) {
            return known;
        }
        CompletableFuture<Boolean> asked =
                retrying.run(
                                action.id() + " GET /v2.0/extensions/data-plane-status",
                                n ->
                                        http.call(
                                                        "neutron",
                                                        "network",
                                                        "GET",
                                                        "/v2.0/extensions/data-plane-status",
                                                        Map.of(),
                                                        null,
                                                        r -> "supported")
                                                .thenApply(
                                                        a ->
                                                                a.kind() == Attempt.Kind.FINAL
                                                                                && a.detail()
                                                                                        .startsWith(
                                                                                                "neutron answered 404 ")
                                                                        ? Attempt.ok("absent")
                                                                        : a))
                        .thenApply(o -> o.sent() && o.detail().equals("supported"));
        asked.thenAccept(
                supported -> {
                    dataPlaneStatus = CompletableFuture.completedFuture(supported);
                });
        return asked;
    }
}
