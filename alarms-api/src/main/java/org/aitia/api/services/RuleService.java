package org.aitia.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aitia.api.entities.RuleSetDocument;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.RuleSetRegistry;
import org.aitia.api.security.Principal;

/**
 * DRL rule sets ({@code /api/v1/rules}): validate, add (the next version on {@code aitia.rules}),
 * list, versions, delete.
 */
public final class RuleService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final DrlValidator validator;
    private final RuleSetRegistry registry;
    private final Publisher publisher;
    private final String topic;
    private final Clock clock;

    public RuleService(
            DrlValidator validator,
            RuleSetRegistry registry,
            Publisher publisher,
            String topic,
            Clock clock) {
        this.validator = validator;
        this.registry = registry;
        this.publisher = publisher;
        this.topic = topic;
        this.clock = clock;
    }

    private record Body(String name, String content, Map<String, String> params) {}

    private static Body body(JsonNode b) {
        if (b == null || !b.isObject()) {
            throw ApiException.badRequest("expected a JSON object {name, content, params}");
        }
        String name = b.path("name").asText(null);
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest(
                    "name: required, letters, digits, '.', '_' or '-' (at most 128)");
        }
        String content = b.path("content").asText(null);
        if (content == null || content.isBlank()) {
            throw ApiException.badRequest("content: required, the DRL source");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (b.has("params") && b.get("params").isObject()) {
            b.get("params")
                    .fields()
                    .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return new Body(name, content, params);
    }

    /** Compiles the rule set: {@code {name, valid, problems}}. */
    public Map<String, Object> validate(JsonNode json) {
        Body b = body(json);
        List<String> problems = validator.problems(b.name(), b.content());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", b.name());
        out.put("valid", problems.isEmpty());
        out.put("problems", problems);
        return out;
    }

    /**
     * Publishes the rule set as its next version.
     *
     * @throws ApiException 400 listing the problems when it does not compile
     */
    public RuleSetDocument add(Principal by, JsonNode json) {
        Body b = body(json);
        List<String> problems = validator.problems(b.name(), b.content());
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(
                    "rule set " + b.name() + " does not compile: " + String.join("; ", problems));
        }
        registry.latest(b.name())
                .filter(d -> !d.kind().equals(RuleSetDocument.DRL))
                .ifPresent(
                        d -> {
                            throw ApiException.conflict(
                                    b.name() + " is a Vitrage template; use /v1/template");
                        });
        RuleSetDocument doc =
                new RuleSetDocument(
                        b.name(),
                        registry.nextVersion(b.name()),
                        RuleSetDocument.DRL,
                        b.content(),
                        b.params(),
                        null,
                        null,
                        clock.instant(),
                        by.userId());
        publisher.publish(topic, b.name(), doc);
        registry.apply(b.name(), doc);
        return doc;
    }

    public List<RuleSetDocument> list() {
        return registry.all(RuleSetDocument.DRL);
    }

    public List<RuleSetDocument> versions(String name) {
        List<RuleSetDocument> v = registry.versions(name);
        if (v.isEmpty() || !v.get(0).kind().equals(RuleSetDocument.DRL)) {
            throw ApiException.notFound("no DRL rule set " + name);
        }
        return v;
    }

    public RuleSetDocument delete(String name) {
        RuleSetDocument d =
                registry.latest(name)
                        .filter(x -> x.kind().equals(RuleSetDocument.DRL))
                        .orElseThrow(() -> ApiException.notFound("no DRL rule set " + name));
        publisher.publish(topic, name, null);
        registry.apply(name, null);
        return d;
    }
}
