package org.aitia.testdata.incident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its line numbers, so that every problem can name its line. Problems are
 * collected, never thrown.
 */
final class YamlSection {
    private final Path file;
    private final List<Problem> problems;
    private final Node node;
    private final Map<String, Node> entries = new LinkedHashMap<>();

    YamlSection(Path file, List<Problem> problems, Node node, String what, Set<String> keys) {
        this.file = file;
        this.problems = problems;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a mapping");
            return;
        }
        for (NodeTuple t : mapping.getValue()) {
            String key =
                    t.getKeyNode() instanceof ScalarNode s
                            ? s.getValue()
                            : String.valueOf(t.getKeyNode());
            if (!keys.contains(key)) {
                problem(
                        t.getKeyNode(),
                        "unknown key '"
                                + key
                                + "' in "
                                + what
                                + " (expected one of "
                                + String.join(", ", keys)
                                + ")");
            } else {
                entries.put(key, t.getValueNode());
            }
        }
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    int line() {
        return line(node);
    }

    Node get(String key) {
        return entries.get(key);
    }

    void problem(Node at, String message) {
        problems.add(new Problem(file, line(at), message));
    }

    /** The scalar under {@code key}, or null (with a problem when required or not a scalar). */
    String scalar(String key, boolean required) {
        Node v = entries.get(key);
        if (v == null) {
            if (required) {
                problem(node, "'" + key + "' is required");
            }
            return null;
        }
        if (!(v instanceof ScalarNode s) || s.getValue().isBlank()) {
            problem(v, "'" + key + "' must be a non-empty value");
            return null;
        }
        return s.getValue();
    }

    /** The mappings of the sequence under {@code key}; empty when absent. */
    List<YamlSection> sequenceOfMappings(String key, Set<String> itemKeys) {
        Node v = entries.get(key);
        List<YamlSection> items = new ArrayList<>();
        if (v == null) {
            return items;
        }
        if (!(v instanceof SequenceNode seq)) {
            problem(v, "'" + key + "' must be a list");
            return items;
        }
        for (Node item : seq.getValue()) {
            items.add(new YamlSection(file, problems, item, "an item of '" + key + "'", itemKeys));
        }
        return items;
    }

    /** The scalar-to-scalar mapping under {@code key}, with the line of each entry. */
    Map<String, Node> scalarMap(String key) {
        Node v = entries.get(key);
        Map<String, Node> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof MappingNode m)) {
            problem(v, "'" + key + "' must be a mapping");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode) {
                out.put(k.getValue(), t.getValueNode());
            } else {
                problem(t.getKeyNode(), "entries of '" + key + "' must be 'entity: STATE'");
            }
        }
        return out;
    }
}
