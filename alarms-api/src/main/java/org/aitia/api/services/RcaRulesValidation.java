package org.aitia.api.services;

import java.util.ArrayList;
import java.util.List;
import org.aitia.rules.Clock;
import org.aitia.rules.RcaEngine;
import org.aitia.rules.RuleSet;
import org.aitia.rules.RuleSetException;
import org.aitia.rules.vitrage.TemplateParser;
import org.aitia.topology.EntityGraph;

/** The validators of rca-rules: its Vitrage template validator and its DRL compiler. */
public final class RcaRulesValidation {
    private RcaRulesValidation() {}

    /** rca-rules' Vitrage template validator (syntax, content, definitions, parameters). */
    public static TemplateValidator templates() {
        return (inputs, params) -> {
            List<TemplateParser.Input> in = new ArrayList<>();
            inputs.forEach(
                    i ->
                            in.add(
                                    new TemplateParser.Input(
                                            i.file() == null ? "template" : i.file(), i.yaml())));
            List<TemplateValidator.Finding> out = new ArrayList<>();
            List<TemplateParser.Result> results = TemplateParser.validate(in, params);
            for (int i = 0; i < results.size(); i++) {
                TemplateParser.Result r = results.get(i);
                out.add(
                        new TemplateValidator.Finding(
                                inputs.get(i).file(),
                                r.code(),
                                r.ok() ? "Template validation is OK" : r.message()));
            }
            return out;
        };
    }

    /** Compiles the DRL with rca-rules' engine on an empty graph; the problems, if any. */
    public static DrlValidator drl() {
        return (name, drl) -> {
            RuleSet rules =
                    RuleSet.of(
                            name,
                            "validate",
                            List.of(new RuleSet.Source(name + ".drl", RuleSet.Kind.DRL, drl)));
            try (RcaEngine engine = RcaEngine.create(rules, new EntityGraph(), Clock.PSEUDO)) {
                return List.of();
            } catch (RuleSetException e) {
                List<String> problems = new ArrayList<>();
                e.problems().forEach(p -> problems.add(p.toString()));
                if (problems.isEmpty()) {
                    problems.add(e.getMessage());
                }
                return problems;
            }
        };
    }
}
