package org.aitia.api.services;

import java.util.List;
import java.util.Map;

/** Validates Vitrage templates (rca-rules' validator in production). */
@FunctionalInterface
public interface TemplateValidator {

    /**
     * One template to validate.
     *
     * @param file the file the client read it from, or null
     * @param yaml the template text
     */
    record Input(String file, String yaml) {}

    /**
     * The finding on one template.
     *
     * @param file as given
     * @param code 0 when valid, else Vitrage's status code
     * @param message the finding in words
     */
    record Finding(String file, int code, String message) {
        public boolean ok() {
            return code == 0;
        }
    }

    /** One finding per input, in order. */
    List<Finding> validate(List<Input> inputs, Map<String, String> params);
}
