package org.aitia.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.api.entities.RuleSetDocument;
import org.aitia.api.entities.TemplateStatus;
import org.aitia.api.entities.ValidationResult;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.RuleSetRegistry;
import org.aitia.api.security.Principal;

/**
 * Vitrage's template API: validate, add, list, show, delete. Templates are stored as versioned rule
 * sets of kind {@code vitrage} on {@code aitia.rules}, where the running job picks them up.
 */
public final class TemplateService {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final TemplateValidator validator;
    private final RuleSetRegistry registry;
    private final Publisher publisher;
    private final String topic;
    private final Clock clock;

    public TemplateService(
            TemplateValidator validator,
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

    /** One template of a request: the file the client read and its text. */
    record Item(String file, String yaml, JsonNode parsed) {}

    /** The templates of a {@code vitrage template validate/add} body. */
    static List<Item> items(JsonNode body) {
        JsonNode templates = body == null ? null : body.get("templates");
        if (templates == null || !templates.isArray() || templates.isEmpty()) {
            throw ApiException.badRequest(
                    "templates: expected a non-empty list of [path, template]");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            JsonNode t = templates.get(i);
            if (!t.isArray() || t.size() != 2) {
                throw ApiException.badRequest("templates[" + i + "]: expected [path, template]");
            }
            String file = t.get(0).isNull() ? null : t.get(0).asText();
            JsonNode content = t.get(1);
            String yaml;
            try {
                yaml = content.isTextual() ? content.asText() : YAML.writeValueAsString(content);
            } catch (IOException e) {
                throw ApiException.badRequest(
                        "templates[" + i + "]: cannot be written as YAML: " + e.getMessage());
            }
            items.add(new Item(file, yaml, content));
        }
        return items;
    }

    static Map<String, String> params(JsonNode body) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = body.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw ApiException.badRequest("params: expected an object {name: value}");
            }
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return params;
    }

    /** Validates without storing: Vitrage's {@code {"results": [...]}}. */
    public Map<String, Object> validate(JsonNode body) {
        List<Item> items = items(body);
        List<TemplateValidator.Finding> findings = findings(items, params(body));
        List<ValidationResult> results = new ArrayList<>();
        for (TemplateValidator.Finding f : findings) {
            results.add(
                    new ValidationResult(
                            f.ok() ? "validation OK" : "validation failed",
                            f.file(),
                            "Template validation",
                            f.message(),
                            f.code()));
        }
        return Map.of("results", results);
    }

    private List<TemplateValidator.Finding> findings(List<Item> items, Map<String, String> params) {
        List<TemplateValidator.Input> inputs = new ArrayList<>();
        items.forEach(i -> inputs.add(new TemplateValidator.Input(i.file(), i.yaml())));
        List<TemplateValidator.Finding> findings = validator.validate(inputs, params);
        if (findings.size() != inputs.size()) {
            throw new IllegalStateException(
                    "the validator answered "
                            + findings.size()
                            + " findings for "
                            + inputs.size()
                            + " templates");
        }
        return findings;
    }

    /** Validates and stores each valid template as the next version of its rule set. */
    public List<TemplateStatus> add(Principal by, JsonNode body) {
        List<Item> items = items(body);
        Map<String, String> params = params(body);
        boolean overwrite = body.path("overwrite").asBoolean(false);
        String typeParam =
                body.path("template_type").isNull()
                        ? null
                        : body.path("template_type").asText(null);
        List<TemplateValidator.Finding> findings = findings(items, params);
        List<TemplateStatus> out = new ArrayList<>();
        String now = clock.instant().toString();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            TemplateValidator.Finding f = findings.get(i);
            String name = item.parsed().path("metadata").path("name").asText(null);
            String type =
                    typeParam != null
                            ? typeParam
                            : item.parsed().path("metadata").path("type").asText("standard");
            if (name == null || name.isBlank()) {
                out.add(
                        new TemplateStatus(
                                null,
                                item.file(),
                                "ERROR",
                                "metadata.name is required",
                                now,
                                type,
                                0));
                continue;
            }
            String uuid = RuleSetDocument.uuidOf(name);
            if (!f.ok()) {
                out.add(new TemplateStatus(uuid, name, "ERROR", f.message(), now, type, 0));
                continue;
            }
            if (registry.latest(name).isPresent() && !overwrite) {
                out.add(
                        new TemplateStatus(
                                uuid,
                                name,
                                "ERROR",
                                "a template named "
                                        + name
                                        + " exists; add it with overwrite to replace it",
                                now,
                                type,
                                0));
                continue;
            }
            RuleSetDocument doc =
                    new RuleSetDocument(
                            name,
                            registry.nextVersion(name),
                            RuleSetDocument.VITRAGE,
                            item.yaml(),
                            params,
                            type,
                            uuid,
                            clock.instant(),
                            by.userId());
            publisher.publish(topic, name, doc);
            registry.apply(name, doc);
            out.add(
                    new TemplateStatus(
                            uuid,
                            name,
                            "ACTIVE",
                            "Template validation is OK",
                            now,
                            type,
                            doc.version()));
        }
        return out;
    }

    /** Every stored template. */
    public List<TemplateStatus> list() {
        List<TemplateStatus> out = new ArrayList<>();
        for (RuleSetDocument d : registry.all(RuleSetDocument.VITRAGE)) {
            out.add(status(d));
        }
        return out;
    }

    private static TemplateStatus status(RuleSetDocument d) {
        return new TemplateStatus(
                d.uuid(),
                d.name(),
                "ACTIVE",
                "Template validation is OK",
                d.createdAt() == null ? null : d.createdAt().toString(),
                d.templateType(),
                d.version());
    }

    /** The template body of {@code uuidOrName}, as a JSON object. */
    public Object show(String uuidOrName) {
        RuleSetDocument d = find(uuidOrName);
        try {
            return YAML.readValue(d.content(), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored template " + d.name() + " is not YAML", e);
        }
    }

    private RuleSetDocument find(String uuidOrName) {
        return registry.find(uuidOrName)
                .filter(d -> d.kind().equals(RuleSetDocument.VITRAGE))
                .orElseThrow(
                        () ->
                                ApiException.notFound(
                                        "failed to show template with uuid: " + uuidOrName));
    }

    /** Deletes templates by uuid or name (a tombstone on {@code aitia.rules}). */
    public List<Map<String, Object>> delete(List<String> ids) {
        if (ids.isEmpty()) {
            throw ApiException.badRequest("id: name at least one template uuid");
        }
        List<RuleSetDocument> docs = new ArrayList<>();
        for (String id : ids) {
            docs.add(find(id));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleSetDocument d : docs) {
            publisher.publish(topic, d.name(), null);
            registry.apply(d.name(), null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", d.uuid());
            m.put("name", d.name());
            m.put("status", "DELETED");
            out.add(m);
        }
        return out;
    }

    /** The template versions this API accepts. */
    public List<Map<String, String>> versions() {
        return List.of(
                Map.of("version", "v2", "status", "SUPPORTED"),
                Map.of("version", "v3", "status", "CURRENT"));
    }
}
