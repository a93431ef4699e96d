package org.aitia.rules.vitrage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.rules.vitrage.Condition.Literal;
import org.aitia.rules.vitrage.Template.ActionDef;
import org.aitia.rules.vitrage.Template.EntityDef;
import org.aitia.rules.vitrage.Template.RelationshipDef;
import org.aitia.rules.vitrage.Template.Scenario;

/**
 * Compiles validated Vitrage templates to DRL over the engine's facts, one rule per clause of each
 * scenario's condition (in disjunctive normal form). The rule's conclusions are logical, so a
 * scenario undoes its actions when its condition stops matching, as Vitrage's evaluator does.
 *
 * <p>Mapping: a RESOURCE entity is a {@code Node} (its {@code type}, {@code id}, {@code name},
 * {@code state} and other fields are properties); an ALARM entity is an {@code AlarmFact} (its
 * {@code type} is the alarm's source, {@code vitrage} meaning Aitia's deduced alarms; {@code name}
 * or {@code rawtext} its name); {@code alarm on resource} constrains the alarm's entity; other
 * relationships are {@code Link} facts. Fields ending in {@code .regex} match as Python's {@code
 * re.match}. Equivalence templates widen an alarm to every equivalent (source, name).
 */
public final class TemplateCompiler {
    private TemplateCompiler() {}

    /** The alarm source that Vitrage's alarm type {@code type} stands for. */
    public static String sourceOf(String vitrageType) {
        return "vitrage".equals(vitrageType) ? "aitia" : vitrageType;
    }

    /** The rule name of a scenario's clause: {@code vitrage:<template>:scenario<n>[.<clause>]}. */
    public static String ruleName(Template t, Scenario s, int clause, int clauses) {
        return "vitrage:" + t.name() + ":scenario" + s.index() + (clauses > 1 ? "." + clause : "");
    }

    /** One DRL package per standard template; equivalence and definition templates give none. */
    public static String compile(Template t, int index, List<Template> all) {
        List<List<Map<String, String>>> equivalences = new ArrayList<>();
        for (Template o : all) {
            equivalences.addAll(o.equivalences());
        }
        StringBuilder drl = new StringBuilder();
        drl.append("package vitrage.t").append(index).append(";\n\n");
        drl.append("import org.aitia.rules.facts.AlarmFact;\n");
        drl.append("import org.aitia.rules.facts.Conclude;\n");
        drl.append("import org.aitia.rules.facts.Link;\n");
        drl.append("import org.aitia.rules.facts.Node;\n\n");
        for (Scenario s : t.scenarios()) {
            List<List<Literal>> clauses = s.condition().clauses();
            for (int c = 0; c < clauses.size(); c++) {
                new RuleWriter(t, equivalences, drl)
                        .write(ruleName(t, s, c + 1, clauses.size()), clauses.get(c), s);
            }
        }
        return drl.toString();
    }

    private static final class RuleWriter {
        private final Template t;
        private final List<List<Map<String, String>>> equivalences;
        private final StringBuilder out;
        private final Set<String> bound = new LinkedHashSet<>();

        RuleWriter(Template t, List<List<Map<String, String>>> equivalences, StringBuilder out) {
            this.t = t;
            this.equivalences = equivalences;
            this.out = out;
        }

        void write(String name, List<Literal> clause, Scenario s) {
            out.append("rule \"").append(esc(name)).append("\"\nwhen\n");
            List<RelationshipDef> positive = new ArrayList<>();
            Set<String> positiveEntities = new LinkedHashSet<>();
            List<RelationshipDef> negative = new ArrayList<>();
            for (Literal l : clause) {
                RelationshipDef r = t.relationships().get(l.atom());
                if (r == null) {
                    positiveEntities.add(l.atom());
                } else if (l.negated()) {
                    negative.add(r);
                } else {
                    positive.add(r);
                    positiveEntities.add(r.source());
                    positiveEntities.add(r.target());
                }
            }
            List<String> patterns = new ArrayList<>();
            joinPositive(positive, positiveEntities, patterns);
            for (RelationshipDef r : negative) {
                Set<String> before = new HashSet<>(bound);
                List<String> inner = new ArrayList<>();
                relate(r, inner);
                bound.retainAll(before);
                patterns.add("not( " + String.join(" and ", inner) + " )");
            }
            for (String p : patterns) {
                out.append("    ").append(p).append('\n');
            }
            out.append("then\n");
            for (ActionDef a : s.actions()) {
                out.append(action(a));
            }
            out.append("end\n\n");
        }

        /** Emits the positive part starting from alarms, following relationships outward. */
        private void joinPositive(
                List<RelationshipDef> rels, Set<String> entities, List<String> patterns) {
            List<RelationshipDef> pending = new ArrayList<>(rels);
            List<String> order = new ArrayList<>();
            entities.stream().filter(e -> t.entities().get(e).alarm()).forEach(order::add);
            entities.stream().filter(e -> !t.entities().get(e).alarm()).forEach(order::add);
            while (true) {
                boolean progress = true;
                while (progress) {
                    progress = false;
                    for (RelationshipDef r : List.copyOf(pending)) {
                        if (bound.contains(r.source()) || bound.contains(r.target())) {
                            relate(r, patterns);
                            pending.remove(r);
                            progress = true;
                        }
                    }
                }
                String next =
                        order.stream().filter(e -> !bound.contains(e)).findFirst().orElse(null);
                if (next == null) {
                    return;
                }
                patterns.add(entity(next, null));
            }
        }

        /** Patterns for relationship r, binding whichever endpoint is not yet bound. */
        private void relate(RelationshipDef r, List<String> patterns) {
            EntityDef src = t.entities().get(r.source());
            EntityDef tgt = t.entities().get(r.target());
            if (!bound.contains(r.source()) && !bound.contains(r.target())) {
                patterns.add(entity(r.source(), null));
            }
            boolean sb = bound.contains(r.source());
            boolean tb = bound.contains(r.target());
            if (src.alarm() || tgt.alarm()) {
                // alarm on resource: the alarm's entity is the resource
                EntityDef alarm = src.alarm() ? src : tgt;
                EntityDef res = src.alarm() ? tgt : src;
                boolean ab = bound.contains(alarm.id());
                boolean rb = bound.contains(res.id());
                if (ab && rb) {
                    patterns.add(
                            "eval( " + v(alarm.id()) + "_eid.equals(" + v(res.id()) + "_id) )");
                } else if (ab) {
                    patterns.add(entity(res.id(), "id == " + v(alarm.id()) + "_eid"));
                } else {
                    patterns.add(entity(alarm.id(), "entityId == " + v(res.id()) + "_id"));
                }
                return;
            }
            String type = "type == \"" + esc(r.type()) + "\"";
            if (sb && tb) {
                patterns.add(
                        "Link("
                                + type
                                + ", source == "
                                + v(r.source())
                                + "_id, target == "
                                + v(r.target())
                                + "_id)");
            } else if (sb) {
                patterns.add(
                        "Link("
                                + type
                                + ", source == "
                                + v(r.source())
                                + "_id, "
                                + v(r.target())
                                + "_lid: target)");
                patterns.add(entity(r.target(), "id == " + v(r.target()) + "_lid"));
            } else {
                patterns.add(
                        "Link("
                                + type
                                + ", target == "
                                + v(r.target())
                                + "_id, "
                                + v(r.source())
                                + "_lid: source)");
                patterns.add(entity(r.source(), "id == " + v(r.source()) + "_lid"));
            }
        }

        private String entity(String id, String join) {
            EntityDef e = t.entities().get(id);
            bound.add(id);
            List<String> cs = new ArrayList<>();
            if (e.alarm()) {
                cs.add(v(id) + "_eid: entityId");
                if (join != null) {
                    cs.add(join);
                }
                cs.addAll(alarmConstraints(e.properties()));
                return v(id) + ": AlarmFact(" + String.join(", ", cs) + ")";
            }
            cs.add(v(id) + "_id: id");
            if (join != null) {
                cs.add(join);
            }
            for (Map.Entry<String, String> p : e.properties().entrySet()) {
                cs.add(resourceConstraint(p.getKey(), p.getValue()));
            }
            return v(id) + ": Node(" + String.join(", ", cs) + ")";
        }

        private List<String> alarmConstraints(Map<String, String> props) {
            List<String> cs = new ArrayList<>();
            Map<String, String> rest = new LinkedHashMap<>(props);
            String type = rest.remove("type");
            String named = rest.remove("name");
            String raw = rest.remove("rawtext");
            String name = named != null ? named : raw;
            List<String[]> alternatives = new ArrayList<>();
            alternatives.add(new String[] {type, name});
            if (name != null) {
                for (List<Map<String, String>> eq : equivalences) {
                    boolean member =
                            eq.stream()
                                    .anyMatch(
                                            m ->
                                                    name.equals(
                                                                    m.getOrDefault(
                                                                            "name",
                                                                            m.get("rawtext")))
                                                            && (type == null
                                                                    || type.equals(m.get("type"))));
                    if (member) {
                        for (Map<String, String> m : eq) {
                            alternatives.add(
                                    new String[] {
                                        m.get("type"), m.getOrDefault("name", m.get("rawtext"))
                                    });
                        }
                    }
                }
            }
            List<String> ors = new ArrayList<>();
            for (String[] alt : alternatives) {
                List<String> ands = new ArrayList<>();
                if (alt[0] != null) {
                    ands.add("source == \"" + esc(sourceOf(alt[0])) + "\"");
                }
                if (alt[1] != null) {
                    ands.add("name == \"" + esc(alt[1]) + "\"");
                }
                if (!ands.isEmpty()) {
                    String a = String.join(" && ", ands);
                    if (!ors.contains(a)) {
                        ors.add(a);
                    }
                }
            }
            if (ors.size() == 1) {
                cs.add(ors.get(0));
            } else if (ors.size() > 1) {
                cs.add("( (" + String.join(") || (", ors) + ") )");
            }
            for (Map.Entry<String, String> p : rest.entrySet()) {
                String k = p.getKey();
                if (k.endsWith(".regex")) {
                    String field = k.substring(0, k.length() - ".regex".length());
                    String expr =
                            switch (field) {
                                case "name", "rawtext" -> "name";
                                case "type" -> "source";
                                default -> null;
                            };
                    if (expr != null) {
                        cs.add("Conclude.matches(" + expr + ", \"" + esc(p.getValue()) + "\")");
                    }
                } else if (k.equals("severity")) {
                    cs.add(
                            "severity.label() == \""
                                    + esc(p.getValue().toUpperCase(java.util.Locale.ROOT))
                                    + "\"");
                }
            }
            return cs;
        }

        private static String resourceConstraint(String key, String value) {
            if (key.endsWith(".regex")) {
                String field = key.substring(0, key.length() - ".regex".length());
                return "Conclude.matches(" + accessor(field) + ", \"" + esc(value) + "\")";
            }
            return accessor(key) + " == \"" + esc(value) + "\"";
        }

        private static String accessor(String field) {
            return switch (field) {
                case "id", "type", "name", "state", "site" -> field;
                default -> "getProperty(\"" + esc(field) + "\")";
            };
        }

        private String action(ActionDef a) {
            String target = a.target();
            if (target != null && !bound.contains(target)) {
                return "    // " + a.type() + " on " + target + ": not bound in this clause\n";
            }
            Map<String, String> p = a.properties();
            return switch (a.type()) {
                case "raise_alarm" -> {
                    String causing = p.get("causing_alarm");
                    String causes =
                            causing != null && bound.contains(causing) ? ", " + v(causing) : "";
                    yield "    Conclude.alarm(kcontext, "
                            + v(target)
                            + ", \""
                            + esc(p.get("alarm_name"))
                            + "\", \""
                            + esc(p.getOrDefault("severity", "WARNING"))
                            + "\""
                            + causes
                            + ");\n";
                }
                case "set_state" ->
                        "    Conclude.state(kcontext, "
                                + v(target)
                                + ", \""
                                + esc(p.get("state").toUpperCase(java.util.Locale.ROOT))
                                + "\");\n";
                case "add_causal_relationship" ->
                        bound.contains(a.source())
                                ? "    Conclude.cause(kcontext, "
                                        + v(a.source())
                                        + ", "
                                        + v(target)
                                        + ");\n"
                                : "    // add_causal_relationship: "
                                        + a.source()
                                        + " not bound in this clause\n";
                case "mark_down" -> "    Conclude.markDown(kcontext, " + v(target) + ");\n";
                case "execute_mistral" -> mistral(p);
                default -> throw new IllegalStateException("unhandled action " + a.type());
            };
        }

        private String mistral(Map<String, String> p) {
            String anchor =
                    bound.stream()
                            .filter(e -> !t.entities().get(e).alarm())
                            .findFirst()
                            .orElse(null);
            if (anchor == null) {
                return "    // execute_mistral: no resource bound to target the workflow at\n";
            }
            List<String> kv = new ArrayList<>();
            for (Map.Entry<String, String> e : p.entrySet()) {
                kv.add("\"" + esc(e.getKey()) + "\"");
                kv.add(value(e.getValue()));
            }
            return "    Conclude.action(kcontext, \"mistral.workflow\", "
                    + v(anchor)
                    + ", Conclude.params("
                    + String.join(", ", kv)
                    + "));\n";
        }

        /** A literal, or {@code get_attr(entity, attr)} read from the matched fact. */
        private String value(String s) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile(
                                    "^\\s*get_attr\\(\\s*([^,\\s]+)\\s*,\\s*([^)\\s]+)\\s*\\)\\s*$")
                            .matcher(s);
            if (m.matches() && bound.contains(m.group(1))) {
                return v(m.group(1)) + ".attr(\"" + esc(m.group(2)) + "\")";
            }
            return "\"" + esc(s) + "\"";
        }

        private static String v(String templateId) {
            StringBuilder sb = new StringBuilder("$");
            for (char c : templateId.toCharArray()) {
                sb.append(Character.isLetterOrDigit(c) ? c : '_');
            }
            return sb.append('_')
                    .append(Integer.toHexString(templateId.hashCode() & 0xffff))
                    .toString();
        }

        private static String esc(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
