package org.aitia.rules.vitrage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Relationship;
import org.aitia.rules.vitrage.Template.ActionDef;
import org.aitia.rules.vitrage.Template.EntityDef;
import org.aitia.rules.vitrage.Template.RelationshipDef;
import org.aitia.rules.vitrage.Template.Scenario;

/**
 * Reads a version 3 template: entities as a mapping, relationships written inline in the conditions
 * ({@code host_alarm [ on ] host}), actions keyed by their type. An entity is an alarm when its
 * {@code category} says so, when it is the source of an {@code on} relationship, or when an action
 * uses it as an alarm.
 */
final class V3 {
    private V3() {}

    static Template build(String file, String name, String type, Map<String, Object> doc)
            throws TemplateException {
        Object ents = doc.get("entities");
        if (ents == null) {
            throw StatusCode.fail(43, null);
        }
        Map<String, Object> em = TemplateParser.asMap(ents);
        if (em.isEmpty()) {
            throw StatusCode.fail(43, null);
        }
        Object sc = doc.get("scenarios");
        if (type.equals(Template.DEFINITION)) {
            if (sc != null) {
                throw StatusCode.fail(143, null);
            }
        } else if (sc == null) {
            throw StatusCode.fail(80, null);
        }
        List<Object> scenarios = sc == null ? List.of() : TemplateParser.asList(sc);
        if (sc != null && scenarios.isEmpty()) {
            throw StatusCode.fail(81, null);
        }
        // First pass: conditions and actions, to infer which entities are alarms.
        Set<String> alarms = new HashSet<>();
        List<Condition> conditions = new ArrayList<>();
        List<List<ActionDef>> actionLists = new ArrayList<>();
        int i = 0;
        for (Object o : scenarios) {
            i++;
            Map<String, Object> s = TemplateParser.asMap(o);
            if (s.get("condition") == null) {
                throw StatusCode.fail(83, "scenario " + i);
            }
            if (s.get("actions") == null) {
                throw StatusCode.fail(84, "scenario " + i);
            }
            Condition c = Condition.parse(TemplateParser.str(s.get("condition")), true);
            for (Condition.InlineRelationship r : c.inlineRelationships()) {
                if (r.type().equals(Relationship.ON)) {
                    alarms.add(r.source());
                }
            }
            conditions.add(c);
            List<ActionDef> actions = new ArrayList<>();
            List<Object> acts = TemplateParser.asList(s.get("actions"));
            if (acts.isEmpty()) {
                throw StatusCode.fail(121, "scenario " + i);
            }
            for (Object a : acts) {
                actions.add(action(TemplateParser.asMap(a), em.keySet(), alarms));
            }
            actionLists.add(actions);
        }
        Map<String, EntityDef> entities = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : em.entrySet()) {
            Map<String, String> props = new LinkedHashMap<>();
            if (e.getValue() instanceof Map<?, ?> pm) {
                TemplateParser.asMap(pm).forEach((k, v) -> props.put(k, TemplateParser.str(v)));
            }
            TemplateParser.checkRegexes(props);
            String cat = props.remove("category");
            if (cat != null && !cat.equals("ALARM") && !cat.equals("RESOURCE")) {
                throw StatusCode.fail(45, "category " + cat);
            }
            boolean alarm = cat != null ? cat.equals("ALARM") : alarms.contains(e.getKey());
            entities.put(e.getKey(), new EntityDef(e.getKey(), alarm, props));
        }
        Map<String, RelationshipDef> relationships = new LinkedHashMap<>();
        List<Scenario> out = new ArrayList<>();
        for (int k = 0; k < conditions.size(); k++) {
            Condition c = conditions.get(k);
            for (Condition.InlineRelationship r : c.inlineRelationships()) {
                if (!entities.containsKey(r.source()) || !entities.containsKey(r.target())) {
                    throw StatusCode.fail(10200, r.id());
                }
                if (!Relationship.KNOWN_TYPES.contains(r.type())) {
                    throw StatusCode.fail(100, "relationship type '" + r.type() + "'");
                }
                relationships.put(
                        r.id(), new RelationshipDef(r.id(), r.source(), r.target(), r.type()));
            }
            TemplateParser.checkLiterals(c, entities, relationships::containsKey, 10200);
            String text =
                    TemplateParser.str(TemplateParser.asMap(scenarios.get(k)).get("condition"));
            out.add(new Scenario(k + 1, text, c, actionLists.get(k)));
        }
        return new Template(file, 3, name, type, entities, relationships, out, List.of());
    }

    private static ActionDef action(
            Map<String, Object> a, Set<String> entityIds, Set<String> alarms)
            throws TemplateException {
        if (a.size() != 1) {
            throw StatusCode.fail(122, "an action is one 'type: properties' entry");
        }
        Map.Entry<String, Object> e = a.entrySet().iterator().next();
        String type = e.getKey();
        if (!TemplateParser.ACTION_TYPES.contains(type)) {
            throw StatusCode.fail(120, "action type " + type);
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (e.getValue() instanceof Map<?, ?> pm) {
            TemplateParser.flatten("", TemplateParser.asMap(pm), props);
        }
        String target = props.remove("target");
        String source = props.remove("source");
        if (type.equals("execute_mistral")) {
            if (!props.containsKey("workflow")) {
                throw StatusCode.fail(10105, null);
            }
            return new ActionDef(type, null, null, props);
        }
        if (target == null) {
            throw StatusCode.fail(10100, type);
        }
        if (!entityIds.contains(target)) {
            throw StatusCode.fail(10101, target);
        }
        if (type.equals("add_causal_relationship")) {
            if (source == null) {
                throw StatusCode.fail(10102, null);
            }
            if (!entityIds.contains(source)) {
                throw StatusCode.fail(10103, source);
            }
            alarms.add(source);
            alarms.add(target);
        }
        if (type.equals("raise_alarm")) {
            if (!props.containsKey("alarm_name")) {
                throw StatusCode.fail(10104, null);
            }
            String causing = props.get("causing_alarm");
            if (causing != null) {
                if (!entityIds.contains(causing)) {
                    throw StatusCode.fail(10107, causing);
                }
                alarms.add(causing);
            }
        }
        return new ActionDef(type, target, source, props);
    }
}
