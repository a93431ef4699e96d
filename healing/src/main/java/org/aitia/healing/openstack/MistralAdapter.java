package org.aitia.healing.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.adapter.Retrying;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;

/**
 * Mistral (Workflow API v2): {@code mistral.workflow} starts an execution as Vitrage's {@code
 * execute_mistral} does, {@code POST /executions} (on the {@code workflowv2} endpoint, which ends
 * in {@code /v2}) with {@code {"workflow_name": ..., "input": "<JSON string>"}}. Parameters: {@code
 * workflow} (required), every other parameter is a workflow input.
 */
public final class MistralAdapter implements Adapter {
    private final OpenStackHttp http;
    private final Retrying retrying;

    public MistralAdapter(OpenStackHttp http, Retrying retrying) {
        this.http = http;
        this.retrying = retrying;
    }

    @Override
    public Set<String> types() {
        return Set.of("mistral.workflow");
    }

    @Override
    public CompletableFuture<CallOutcome> execute(HealingAction action) {
        String workflow = action.parameters().get("workflow");
        if (workflow == null || workflow.isBlank()) {
            throw new IllegalArgumentException(
                    "mistral.workflow needs the parameter workflow (the workflow name)");
        }
        Map<String, String> input = new TreeMap<>(action.parameters());
        input.remove("workflow");
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("workflow_name", workflow);
        body.put("input", Json.write(input));
        String json = Json.write(body);
        return retrying.run(
                action.id() + " POST /executions " + workflow,
                n ->
                        http.call(
                                "mistral",
                                "workflowv2",
                                "POST",
                                "/executions",
                                Map.of(),
                                json,
                                r -> describe(workflow, r.body())));
    }

    private static String describe(String workflow, String body) {
        try {
            JsonNode execution = Json.mapper().readTree(body);
            return "mistral execution "
                    + execution.path("id").asText("?")
                    + " of "
                    + workflow
                    + " is "
                    + execution.path("state").asText("?");
        } catch (IOException e) {
            throw new IllegalStateException("mistral answered an execution that is not JSON", e);
        }
    }
}
