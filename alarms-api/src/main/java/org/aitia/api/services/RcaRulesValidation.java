package org.aitia.api.services;

import java.util.List;
import org.aitia.api.errors.ApiException;

/**
 * The validators of rca-rules. PENDING: rca-rules' Vitrage validator and DRL compiler are not
 * published yet; until they are, validation answers 503 and nothing is stored.
 */
public final class RcaRulesValidation {
    private RcaRulesValidation() {}

    public static TemplateValidator templates() {
        return (inputs, params) -> {
            throw ApiException.unavailable(
                    "template validation needs rca-rules, not available in this build");
        };
    }

    public static DrlValidator drl() {
        return (name, drl) -> {
            throw ApiException.unavailable(
                    "DRL validation needs rca-rules, not available in this build: " + List.of());
        };
    }
}
