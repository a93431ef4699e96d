package org.aitia.rules.vitrage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.aitia.model.Relationship;
import org.aitia.rules.vitrage.Template.ActionDef;
import org.aitia.rules.vitrage.Template.EntityDef;
import org.aitia.rules.vitrage.Template.RelationshipDef;
import org.aitia.rules.vitrage.Template.Scenario;

/**
 * Validates and reads Vitrage templates with Vitrage's verdicts. Templates are validated as a set:
 * definition templates of the set satisfy the {@code includes} of the others, and {@code get_param}
 * takes its values from the given parameters, else the parameter's default.
 */
public final class TemplateParser {

    /**
     * A template file.
     *
     * @param file its name, for messages
     * @param text its YAML
     */
    public record Input(String file, String text) {}

    /**
     * The verdict on one file.
     *
     * @param code Vitrage's status code, 0 when valid
     * @param template the template when valid, else null
     */
    public record Result(String file, int code, String message, Template template) {
        public boolean ok() {
            return code == StatusCode.OK;
        }
    }

    static final Set<String> ACTION_TYPES =
            Set.of(
                    "raise_alarm",
                    "set_state",
                    "add_causal_relationship",
                    "mark_down",
                    "execute_mistral");
    private static final Pattern GET_PARAM = Pattern.compile("get_param\\(\\s*([^)\\s]*)\\s*\\)");

    private TemplateParser() {}

    /** The verdict on each input, in order. */
    public static List<Result> validate(List<Input> inputs, Map<String, String> params) {
        List<Object> docs = new ArrayList<>();
        List<Result> early = new ArrayList<>();
        Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
        for (Input in : inputs) {
            try {
                Map<String, Object> doc = resolved(in, params);
                docs.add(doc);
                early.add(null);
                if (Template.DEFINITION.equals(typeOf(doc))) {
                    definitions.put(str(asMap(doc.get("metadata")).get("name")), doc);
                }
            } catch (TemplateException e) {
                docs.add(null);
                early.add(new Result(in.file(), e.code(), e.getMessage(), null));
            }
        }
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (early.get(i) != null) {
                out.add(early.get(i));
                continue;
            }
            String file = inputs.get(i).file();
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> doc = (Map<String, Object>) docs.get(i);
                Template t = build(file, doc, definitions);
                out.add(new Result(file, 0, StatusCode.message(0), t));
            } catch (TemplateException e) {
                out.add(new Result(file, e.code(), e.getMessage(), null));
            }
        }
        return out;
    }

    // ---- reading, metadata and parameters

    private static Map<String, Object> resolved(Input in, Map<String, String> params)
            throws TemplateException {
        Object raw = TemplateYaml.parse(in.text());
        if (!(raw instanceof Map)) {
            throw StatusCode.fail(4, "the template is not a YAML mapping");
        }
        Map<String, Object> doc = asMap(raw);
        Object meta = doc.get("metadata");
        if (meta == null) {
            throw StatusCode.fail(62, null);
        }
        if (!(meta instanceof Map)) {
            throw StatusCode.fail(4, "metadata must be a mapping");
        }
        int version = versionOf(doc);
        Map<String, Object> m = asMap(meta);
        if (version == 2 && m.get("type") == null) {
            throw StatusCode.fail(64, null);
        }
        String type = typeOf(doc);
        if (!Set.of(Template.STANDARD, Template.DEFINITION, Template.EQUIVALENCE).contains(type)) {
            throw StatusCode.fail(65, "type " + type);
        }
        Map<String, String[]> declared = parameters(doc);
        Set<String> used = new HashSet<>();
        collectParams(doc, used);
        if (!used.isEmpty() && version == 1) {
            throw StatusCode.fail(137, null);
        }
        for (String u : used) {
            if (!declared.containsKey(u)) {
                throw StatusCode.fail(161, "parameter " + u);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> d : declared.entrySet()) {
            String v = params.containsKey(d.getKey()) ? params.get(d.getKey()) : d.getValue()[0];
            if (v == null) {
                throw StatusCode.fail(
                        163, "parameter " + d.getKey() + " has no default and no value was given");
            }
            values.put(d.getKey(), v);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> substituted = (Map<String, Object>) substitute(doc, values);
        substituted.remove("parameters");
        return substituted;
    }

    private static int versionOf(Map<String, Object> doc) throws TemplateException {
        Object v = asMap(doc.get("metadata")).get("version");
        if (v == null) {
            return 1;
        }
        String s = str(v).trim();
        return switch (s) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> throw StatusCode.fail(63, "version " + s);
        };
    }

    private static String typeOf(Map<String, Object> doc) {
        Object t = doc.get("metadata") instanceof Map<?, ?> m ? m.get("type") : null;
        return t == null ? Template.STANDARD : str(t).trim();
    }

    /** Declared parameters: name -> {default or null}. */
    private static Map<String, String[]> parameters(Map<String, Object> doc)
            throws TemplateException {
        Map<String, String[]> out = new LinkedHashMap<>();
        Object p = doc.get("parameters");
        if (p == null) {
            return out;
        }
        if (!(p instanceof Map)) {
            throw StatusCode.fail(160, "parameters must be a mapping");
        }
        for (Map.Entry<String, Object> e : asMap(p).entrySet()) {
            String def = null;
            if (e.getValue() instanceof Map<?, ?> m && m.containsKey("default")) {
                def = str(m.get("default"));
            }
            out.put(e.getKey(), new String[] {def});
        }
        return out;
    }

    private static void collectParams(Object o, Set<String> used) {
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"parameters".equals(e.getKey())) {
                    collectParams(e.getValue(), used);
                }
            }
        } else if (o instanceof List<?> l) {
            l.forEach(x -> collectParams(x, used));
        } else if (o instanceof String s) {
            Matcher mt = GET_PARAM.matcher(s);
            while (mt.find()) {
                used.add(mt.group(1));
            }
        }
    }

    private static Object substitute(Object o, Map<String, String> values) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), substitute(v, values)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(substitute(x, values)));
            return out;
        }
        if (o instanceof String s && s.contains("get_param")) {
            return GET_PARAM
                    .matcher(s)
                    .replaceAll(r -> Matcher.quoteReplacement(values.getOrDefault(r.group(1), "")));
        }
        return o;
    }

    // ---- building

    private static Template build(
            String file, Map<String, Object> doc, Map<String, Map<String, Object>> definitions)
            throws TemplateException {
        int version = versionOf(doc);
        String type = typeOf(doc);
        String name = str(asMap(doc.get("metadata")).get("name"));
        if (type.equals(Template.EQUIVALENCE)) {
            return new Template(
                    file, version, name, type, Map.of(), Map.of(), List.of(), equivalences(doc));
        }
        if (version == 3) {
            return V3.build(file, name, type, doc);
        }
        if (type.equals(Template.DEFINITION)
                && (doc.containsKey("scenarios") || doc.containsKey("includes"))) {
            throw StatusCode.fail(143, null);
        }
        Map<String, EntityDef> entities = new LinkedHashMap<>();
        Map<String, RelationshipDef> relationships = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        if (doc.containsKey("includes")) {
            List<Object> includes = asList(doc.get("includes"));
            if (includes.isEmpty()) {
                throw StatusCode.fail(140, null);
            }
            for (Object inc : includes) {
                Object n = inc instanceof Map<?, ?> m ? m.get("name") : null;
                if (n == null || str(n).isBlank()) {
                    throw StatusCode.fail(141, null);
                }
                Map<String, Object> def = definitions.get(str(n));
                if (def == null) {
                    throw StatusCode.fail(142, "include " + str(n));
                }
                readDefinitions(asMap(def.get("definitions")), entities, relationships, ids, false);
            }
        }
        Object defs = doc.get("definitions");
        if (defs == null && !doc.containsKey("includes")) {
            throw StatusCode.fail(21, null);
        }
        if (defs != null) {
            readDefinitions(
                    asMap(defs), entities, relationships, ids, !doc.containsKey("includes"));
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (type.equals(Template.STANDARD)) {
            Object sc = doc.get("scenarios");
            if (sc == null) {
                throw StatusCode.fail(80, null);
            }
            List<Object> list = asList(sc);
            if (list.isEmpty()) {
                throw StatusCode.fail(81, null);
            }
            int i = 0;
            for (Object o : list) {
                i++;
                Object s = o instanceof Map<?, ?> m ? m.get("scenario") : null;
                if (!(s instanceof Map)) {
                    throw StatusCode.fail(82, "scenario " + i);
                }
                scenarios.add(scenarioV2(i, asMap(s), entities, relationships));
            }
        }
        return new Template(
                file, version, name, type, entities, relationships, scenarios, List.of());
    }

    private static void readDefinitions(
            Map<String, Object> defs,
            Map<String, EntityDef> entities,
            Map<String, RelationshipDef> relationships,
            Set<String> ids,
            boolean entitiesRequired)
            throws TemplateException {
        Object ents = defs.get("entities");
        if (ents == null) {
            if (entitiesRequired) {
                throw StatusCode.fail(20, null);
            }
        } else {
            List<Object> list = asList(ents);
            if (list.isEmpty()) {
                throw StatusCode.fail(43, null);
            }
            for (Object o : list) {
                Object e = o instanceof Map<?, ?> m ? m.get("entity") : null;
                if (!(e instanceof Map)) {
                    throw StatusCode.fail(46, null);
                }
                Map<String, Object> em = asMap(e);
                if (em.get("category") == null) {
                    throw StatusCode.fail(42, null);
                }
                String cat = str(em.get("category")).trim();
                if (!cat.equals("ALARM") && !cat.equals("RESOURCE")) {
                    throw StatusCode.fail(45, "category " + cat);
                }
                if (em.get("template_id") == null) {
                    throw StatusCode.fail(41, null);
                }
                String id = str(em.get("template_id")).trim();
                if (id.isEmpty() || id.contains(" ")) {
                    throw StatusCode.fail(1, "template_id '" + id + "'");
                }
                if (!ids.add(id)) {
                    throw StatusCode.fail(2, "template_id " + id);
                }
                Map<String, String> props = new LinkedHashMap<>();
                for (Map.Entry<String, Object> p : em.entrySet()) {
                    if (!p.getKey().equals("category") && !p.getKey().equals("template_id")) {
                        props.put(p.getKey(), str(p.getValue()));
                    }
                }
                checkRegexes(props);
                entities.put(id, new EntityDef(id, cat.equals("ALARM"), props));
            }
        }
        Object rels = defs.get("relationships");
        if (rels == null) {
            return;
        }
        for (Object o : asList(rels)) {
            Object r = o instanceof Map<?, ?> m ? m.get("relationship") : null;
            if (!(r instanceof Map)) {
                throw StatusCode.fail(101, null);
            }
            Map<String, Object> rm = asMap(r);
            if (rm.get("source") == null) {
                throw StatusCode.fail(102, null);
            }
            if (rm.get("target") == null) {
                throw StatusCode.fail(103, null);
            }
            if (rm.get("template_id") == null) {
                throw StatusCode.fail(104, null);
            }
            String rtype = str(rm.get("relationship_type")).trim();
            if (!Relationship.KNOWN_TYPES.contains(rtype)) {
                throw StatusCode.fail(100, "relationship_type '" + rtype + "'");
            }
            String id = str(rm.get("template_id")).trim();
            String src = str(rm.get("source")).trim();
            String tgt = str(rm.get("target")).trim();
            if (!entities.containsKey(src) || !entities.containsKey(tgt)) {
                throw StatusCode.fail(3, "relationship " + id + " names " + src + " and " + tgt);
            }
            if (!ids.add(id)) {
                throw StatusCode.fail(2, "template_id " + id);
            }
            relationships.put(id, new RelationshipDef(id, src, tgt, rtype));
        }
    }

    static void checkRegexes(Map<String, String> props) throws TemplateException {
        for (Map.Entry<String, String> p : props.entrySet()) {
            if (p.getKey().endsWith(".regex")) {
                try {
                    Pattern.compile(p.getValue());
                } catch (PatternSyntaxException e) {
                    throw StatusCode.fail(47, p.getKey() + ": " + e.getDescription());
                }
            }
        }
    }

    private static Scenario scenarioV2(
            int index,
            Map<String, Object> s,
            Map<String, EntityDef> entities,
            Map<String, RelationshipDef> relationships)
            throws TemplateException {
        if (s.get("condition") == null) {
            throw StatusCode.fail(83, "scenario " + index);
        }
        if (s.get("actions") == null) {
            throw StatusCode.fail(84, "scenario " + index);
        }
        String text = str(s.get("condition"));
        Condition c = Condition.parse(text, false);
        checkLiterals(c, entities, relationships::containsKey, 3);
        List<Object> acts = asList(s.get("actions"));
        if (acts.isEmpty()) {
            throw StatusCode.fail(121, "scenario " + index);
        }
        List<ActionDef> actions = new ArrayList<>();
        for (Object o : acts) {
            Object a = o instanceof Map<?, ?> m ? m.get("action") : null;
            if (!(a instanceof Map)) {
                throw StatusCode.fail(122, "scenario " + index);
            }
            actions.add(actionV2(asMap(a), entities));
        }
        return new Scenario(index, text, c, actions);
    }

    static void checkLiterals(
            Condition c,
            Map<String, EntityDef> entities,
            java.util.function.Predicate<String> isRelationship,
            int unknownCode)
            throws TemplateException {
        boolean allNegated = true;
        for (List<Condition.Literal> clause : c.clauses()) {
            boolean clauseAllNot = true;
            for (Condition.Literal l : clause) {
                boolean rel = isRelationship.test(l.atom());
                if (!rel && !entities.containsKey(l.atom())) {
                    throw StatusCode.fail(unknownCode, "condition names " + l.atom());
                }
                if (l.negated() && !rel) {
                    throw StatusCode.fail(86, "not " + l.atom());
                }
                clauseAllNot &= l.negated();
            }
            allNegated &= clauseAllNot;
        }
        if (allNegated) {
            throw StatusCode.fail(134, null);
        }
    }

    private static ActionDef actionV2(Map<String, Object> a, Map<String, EntityDef> entities)
            throws TemplateException {
        if (a.get("action_type") == null) {
            throw StatusCode.fail(123, null);
        }
        String type = str(a.get("action_type")).trim();
        if (!ACTION_TYPES.contains(type)) {
            throw StatusCode.fail(120, "action_type " + type);
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (a.get("properties") instanceof Map<?, ?> pm) {
            flatten("", asMap(pm), props);
        }
        if (type.equals("execute_mistral")) {
            if (!props.containsKey("workflow")) {
                throw StatusCode.fail(133, null);
            }
            for (String k : props.keySet()) {
                if (!k.equals("workflow") && !k.startsWith("input.")) {
                    throw StatusCode.fail(136, k);
                }
            }
            return new ActionDef(type, null, null, props);
        }
        Object at = a.get("action_target");
        if (!(at instanceof Map)) {
            throw StatusCode.fail(124, "action " + type);
        }
        Map<String, Object> tm = asMap(at);
        String target = tm.get("target") == null ? null : str(tm.get("target")).trim();
        String source = tm.get("source") == null ? null : str(tm.get("source")).trim();
        switch (type) {
            case "raise_alarm" -> {
                if (!props.containsKey("alarm_name")) {
                    throw StatusCode.fail(125, null);
                }
                if (!props.containsKey("severity")) {
                    throw StatusCode.fail(126, null);
                }
                if (target == null) {
                    throw StatusCode.fail(127, null);
                }
            }
            case "set_state" -> {
                if (!props.containsKey("state")) {
                    throw StatusCode.fail(128, null);
                }
                if (target == null) {
                    throw StatusCode.fail(129, null);
                }
            }
            case "add_causal_relationship" -> {
                if (target == null || source == null) {
                    throw StatusCode.fail(130, null);
                }
                EntityDef t = entities.get(target);
                EntityDef s = entities.get(source);
                if (t == null || s == null) {
                    throw StatusCode.fail(3, "action names " + source + " and " + target);
                }
                if (!t.alarm() || !s.alarm()) {
                    throw StatusCode.fail(132, null);
                }
            }
            case "mark_down" -> {
                if (target == null) {
                    throw StatusCode.fail(131, null);
                }
            }
            default -> throw new IllegalStateException("unhandled action type " + type);
        }
        if (!entities.containsKey(target)) {
            throw StatusCode.fail(3, "action target " + target);
        }
        return new ActionDef(type, target, source, props);
    }

    static void flatten(String prefix, Map<String, Object> m, Map<String, String> out) {
        // values are strings, lists (kept as their text) or nested mappings
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                Map<String, Object> inner = new LinkedHashMap<>();
                sub.forEach((k, v) -> inner.put(String.valueOf(k), v));
                flatten(prefix + e.getKey() + ".", inner, out);
            } else {
                out.put(prefix + e.getKey(), str(e.getValue()));
            }
        }
    }

    private static List<List<Map<String, String>>> equivalences(Map<String, Object> doc)
            throws TemplateException {
        Object eqs = doc.get("equivalences");
        if (eqs == null) {
            throw StatusCode.fail(4, "an equivalence template needs an 'equivalences' block");
        }
        List<List<Map<String, String>>> out = new ArrayList<>();
        for (Object o : asList(eqs)) {
            Object eq = o instanceof Map<?, ?> m ? m.get("equivalence") : null;
            if (eq == null) {
                throw StatusCode.fail(4, "each item of 'equivalences' must be an 'equivalence'");
            }
            List<Map<String, String>> members = new ArrayList<>();
            for (Object x : asList(eq)) {
                Object e = x instanceof Map<?, ?> m ? m.get("entity") : null;
                if (!(e instanceof Map)) {
                    throw StatusCode.fail(46, null);
                }
                Map<String, String> props = new LinkedHashMap<>();
                asMap(e).forEach((k, v) -> props.put(k, str(v)));
                if (!"ALARM".equals(props.get("category"))) {
                    throw StatusCode.fail(45, "equivalences are between ALARM entities");
                }
                members.add(props);
            }
            out.add(members);
        }
        return out;
    }

    // ---- loose YAML access

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) throws TemplateException {
        if (o instanceof Map<?, ?>) {
            return (Map<String, Object>) o;
        }
        throw StatusCode.fail(4, "expected a mapping but found " + describe(o));
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) throws TemplateException {
        if (o instanceof List<?>) {
            return (List<Object>) o;
        }
        throw StatusCode.fail(4, "expected a list but found " + describe(o));
    }

    static String str(Object o) {
        return o == null ? null : o instanceof String s ? s : String.valueOf(o);
    }

    private static String describe(Object o) {
        return o == null
                ? "nothing"
                : o instanceof String s ? "'" + s + "'" : o.getClass().getSimpleName();
    }
}
