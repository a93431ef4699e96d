package org.aitia.api.services;

import java.util.List;

/** Compiles a DRL rule set without running it (rca-rules in production). */
@FunctionalInterface
public interface DrlValidator {
    /** The problems found compiling {@code drl}, each naming its line; empty when it compiles. */
    List<String> problems(String name, String drl);
}
