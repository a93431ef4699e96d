package org.aitia.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code rules} section of {@code aitia.yaml}.
 *
 * @param standardLibrary whether the standard NFV library is part of the rule set (default true)
 * @param paths more rule files or directories: {@code *.drl} and Vitrage templates (default none)
 * @param parameters values for the templates' {@code get_param} (default none)
 * @param clock {@code PSEUDO} (event time, the default) or {@code REAL}
 * @param name the rule set's name (default {@code aitia})
 * @param version the rule set's version label (default: a hash of its content)
 */
public record RulesConfig(
        Boolean standardLibrary,
        List<String> paths,
        Map<String, String> parameters,
        Clock clock,
        String name,
        String version) {

    public RulesConfig {
        standardLibrary = standardLibrary == null ? Boolean.TRUE : standardLibrary;
        paths = paths == null ? List.of() : List.copyOf(paths);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        clock = clock == null ? Clock.PSEUDO : clock;
        name = name == null || name.isBlank() ? "aitia" : name;
    }

    /** Every default. */
    public static RulesConfig defaults() {
        return new RulesConfig(null, null, null, null, null, null);
    }

    /**
     * The rule set this configuration names: the standard library (if enabled) and the files under
     * {@link #paths}, with {@link #parameters}. It is not compiled here: {@link RcaEngine#create}
     * and {@link RcaEngine#load} validate it.
     *
     * @throws IOException when a path cannot be read
     */
    public RuleSet ruleSet() throws IOException {
        List<RuleSet.Source> sources = new ArrayList<>();
        if (standardLibrary) {
            sources.addAll(RuleSet.standardLibrary().sources());
        }
        if (!paths.isEmpty()) {
            sources.addAll(
                    RuleSet.load(name, version, paths.stream().map(Path::of).toList()).sources());
        }
        return RuleSet.of(name, version, sources).withParameters(parameters);
    }
}
