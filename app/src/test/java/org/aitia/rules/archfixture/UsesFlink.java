package org.aitia.rules.archfixture;

import org.apache.flink.api.common.functions.MapFunction;

/**
 * A deliberate violation, used only by ModuleBoundariesTest to show that the rule for rca-rules
 * fails when a class of {@code org.aitia.rules} uses Flink.
 */
public final class UsesFlink implements MapFunction<String, String> {
    @Override
    public String map(String value) {
        return value;
    }
}
