package org.aitia.testdata.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.model.VitrageNodeLink;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a recorded incident folder (format 1). Reading never stops at the first problem: it
 * collects every problem it can find, each with its file and line, and throws them together.
 */
public final class IncidentReader {
    private static final Set<String> TOP_KEYS =
            Set.of("format", "name", "description", "start", "topology", "expect");
    private static final Set<String> EXPECT_KEYS =
            Set.of(
                    "root_causes",
                    "consequences",
                    "not_root_causes",
                    "actions",
                    "forbidden_actions",
                    "states",
                    "within_ms");

    /**
     * Reads the incident in {@code dir}.
     *
     * @throws IncidentFormatException listing every problem, each with file and line
     */
    public Incident read(Path dir) throws IncidentFormatException {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new IncidentFormatException(
                    List.of(new Problem(dir, 0, "not a folder: an incident is a folder")));
        }
        Path yamlFile = dir.resolve("incident.yaml");
        Meta meta = readMeta(yamlFile, problems);
        Path topologyFile = dir.resolve(meta.topology == null ? "topology.json" : meta.topology);
        Topology topology = readTopology(topologyFile, problems);
        Set<String> known = new HashSet<>();
        topology.entities().forEach(e -> known.add(e.id()));
        List<RecordedEvent> events = readEvents(dir.resolve("events.jsonl"), problems, known);
        List<Path> rules = readRules(dir.resolve("rules"), problems);
        if (meta.expect != null) {
            for (Ref ref : meta.refs) {
                if (!known.contains(ref.entity)) {
                    problems.add(
                            new Problem(
                                    yamlFile,
                                    ref.line,
                                    "expected entity '"
                                            + ref.entity
                                            + "' is not in the topology ("
                                            + topologyFile.getFileName()
                                            + ") nor upserted by events.jsonl"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IncidentFormatException(problems);
        }
        return new Incident(
                dir,
                meta.name,
                meta.description == null ? "" : meta.description,
                meta.start,
                topology,
                events,
                rules,
                meta.expect == null ? Expectations.none() : meta.expect);
    }

    private static final class Meta {
        String name;
        String description;
        Instant start;
        String topology;
        Expectations expect;
        final List<Ref> refs = new ArrayList<>();
    }

    private record Ref(String entity, int line) {}

    private Meta readMeta(Path file, List<Problem> problems) {
        Meta meta = new Meta();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, 0, "incident.yaml is missing"));
            return meta;
        }
        Node root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(file, line, "not valid YAML: " + e.getProblem()));
            return meta;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return meta;
        }
        if (root == null) {
            problems.add(new Problem(file, 0, "incident.yaml is empty"));
            return meta;
        }
        YamlSection top = new YamlSection(file, problems, root, "incident.yaml", TOP_KEYS);
        String format = top.scalar("format", true);
        if (format != null && !format.equals("1")) {
            top.problem(
                    top.get("format"), "format " + format + " is not supported (only format 1)");
        }
        meta.name = top.scalar("name", true);
        meta.description = top.scalar("description", false);
        meta.topology = top.scalar("topology", false);
        String start = top.scalar("start", true);
        if (start != null) {
            try {
                meta.start = Instant.parse(start);
            } catch (DateTimeParseException e) {
                top.problem(
                        top.get("start"),
                        "start '"
                                + start
                                + "' is not an ISO-8601 instant such as 2026-01-01T10:00:00Z");
            }
        }
        Node expect = top.get("expect");
        if (expect != null) {
            meta.expect =
                    readExpect(
                            new YamlSection(file, problems, expect, "expect", EXPECT_KEYS),
                            meta.refs);
        }
        return meta;
    }

    private Expectations readExpect(YamlSection e, List<Ref> refs) {
        List<Expectations.RootCause> roots = new ArrayList<>();
        for (YamlSection item : e.sequenceOfMappings("root_causes", Set.of("entity", "alarm"))) {
            String entity = entityRef(item, refs);
            if (entity != null) {
                roots.add(new Expectations.RootCause(entity, item.scalar("alarm", false)));
            }
        }
        List<String> consequences = entities(e, "consequences", refs);
        List<String> notRoots = entities(e, "not_root_causes", refs);
        List<Expectations.Action> actions = actions(e, "actions", refs);
        List<Expectations.Action> forbidden = actions(e, "forbidden_actions", refs);
        Map<String, String> states = new java.util.LinkedHashMap<>();
        e.scalarMap("states")
                .forEach(
                        (entity, value) -> {
                            refs.add(new Ref(entity, YamlSection.line(value)));
                            states.put(entity, ((ScalarNode) value).getValue());
                        });
        Long within = null;
        String w = e.scalar("within_ms", false);
        if (w != null) {
            try {
                within = Long.parseLong(w);
                if (within <= 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException ex) {
                e.problem(
                        e.get("within_ms"),
                        "within_ms must be a positive whole number of milliseconds, not '"
                                + w
                                + "'");
                within = null;
            }
        }
        return new Expectations(roots, consequences, notRoots, actions, forbidden, states, within);
    }

    private static String entityRef(YamlSection item, List<Ref> refs) {
        String entity = item.scalar("entity", true);
        if (entity != null) {
            refs.add(new Ref(entity, item.line()));
        }
        return entity;
    }

    private static List<String> entities(YamlSection e, String key, List<Ref> refs) {
        List<String> out = new ArrayList<>();
        for (YamlSection item : e.sequenceOfMappings(key, Set.of("entity"))) {
            String entity = entityRef(item, refs);
            if (entity != null) {
                out.add(entity);
            }
        }
        return out;
    }

    private static List<Expectations.Action> actions(YamlSection e, String key, List<Ref> refs) {
        List<Expectations.Action> out = new ArrayList<>();
        for (YamlSection item : e.sequenceOfMappings(key, Set.of("type", "target"))) {
            String type = item.scalar("type", true);
            String target = item.scalar("target", true);
            if (target != null) {
                refs.add(new Ref(target, item.line()));
            }
            if (type != null && target != null) {
                out.add(new Expectations.Action(type, target));
            }
        }
        return out;
    }

    private Topology readTopology(Path file, List<Problem> problems) {
        Topology empty = new Topology(List.of(), List.of());
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, 0, file.getFileName() + " is missing"));
            return empty;
        }
        String text;
        JsonNode tree;
        try {
            text = Files.readString(file);
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(file, line, "not valid JSON: " + e.getOriginalMessage()));
            return empty;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return empty;
        }
        Topology topology;
        try {
            topology =
                    VitrageNodeLink.looksLikeNodeLink(tree)
                            ? VitrageNodeLink.read(tree)
                            : Json.mapper().treeToValue(tree, Topology.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            String reason =
                    e.getCause() != null && e instanceof JsonProcessingException
                            ? e.getCause().getMessage()
                            : e.getMessage();
            problems.add(new Problem(file, 0, "not a topology: " + reason));
            return empty;
        }
        Set<String> ids = new HashSet<>();
        for (Entity entity : topology.entities()) {
            if (!ids.add(entity.id())) {
                problems.add(
                        new Problem(
                                file,
                                lineOf(text, entity.id(), 2),
                                "duplicate entity id '" + entity.id() + "'"));
            }
        }
        for (Relationship r : topology.relationships()) {
            for (String end : List.of(r.source(), r.target())) {
                if (!ids.contains(end)) {
                    problems.add(
                            new Problem(
                                    file,
                                    lineOf(text, end, 1),
                                    "relationship "
                                            + r.id()
                                            + " names unknown entity '"
                                            + end
                                            + "'"));
                }
            }
            if (!r.hasKnownType()) {
                problems.add(
                        new Problem(
                                file,
                                lineOf(text, r.type(), 1),
                                "relationship " + r.id() + " has unknown type '" + r.type() + "'"));
            }
        }
        return topology;
    }

    /** The line of the n-th occurrence of {@code "value"} in {@code text}, or 0. */
    private static int lineOf(String text, String value, int occurrence) {
        String quoted = '"' + value + '"';
        int at = -1;
        for (int i = 0; i < occurrence; i++) {
            at = text.indexOf(quoted, at + 1);
            if (at < 0) {
                return 0;
            }
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private List<RecordedEvent> readEvents(Path file, List<Problem> problems, Set<String> known) {
        List<RecordedEvent> events = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, 0, "events.jsonl is missing"));
            return events;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return events;
        }
        long previous = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(new Problem(file, lineNo, "bad JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                problems.add(new Problem(file, lineNo, "each line must be a JSON object"));
                continue;
            }
            JsonNode at = node.get("at_ms");
            if (at == null || !at.canConvertToLong() || !at.isIntegralNumber() || at.asLong() < 0) {
                problems.add(
                        new Problem(
                                file, lineNo, "at_ms must be a whole number of milliseconds >= 0"));
                continue;
            }
            long atMs = at.asLong();
            if (atMs < previous) {
                problems.add(
                        new Problem(
                                file,
                                lineNo,
                                "at_ms goes backwards: " + atMs + " after " + previous));
            }
            previous = Math.max(previous, atMs);
            String source = node.path("source").asText("");
            if (!Incident.SOURCES.contains(source)) {
                problems.add(
                        new Problem(
                                file,
                                lineNo,
                                "unknown source '"
                                        + source
                                        + "' (expected one of "
                                        + String.join(", ", Incident.SOURCES)
                                        + ")"));
                continue;
            }
            JsonNode payload = node.get("payload");
            if (payload == null || payload.isNull()) {
                problems.add(new Problem(file, lineNo, "payload is missing"));
                continue;
            }
            if (source.equals("topology")) {
                try {
                    TopologyChange change =
                            Json.mapper().treeToValue(payload, TopologyChange.class);
                    if (change.entity() != null && change.op() == TopologyChange.Op.UPSERT) {
                        known.add(change.entity().id());
                    }
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    String reason =
                            e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
                    problems.add(
                            new Problem(
                                    file, lineNo, "topology payload is not a change: " + reason));
                    continue;
                }
            }
            events.add(new RecordedEvent(lineNo, atMs, source, payload));
        }
        return events;
    }

    private List<Path> readRules(Path dir, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> rules = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml")) {
                    rules.add(p);
                } else {
                    problems.add(
                            new Problem(p, 0, "rules/ holds only *.drl and Vitrage *.yaml files"));
                }
            }
            return rules;
        } catch (IOException e) {
            problems.add(new Problem(dir, 0, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }
}
