package org.aitia.healing.guard;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aitia.healing.GuardConfig;
import org.aitia.model.HealingAction;

/** The allow and deny lists by action type and by target entity (globs with {@code *}). */
final class AccessLists {
    private final List<String> allowTypes;
    private final List<String> denyTypes;
    private final List<Pattern> allowEntities;
    private final List<Pattern> denyEntities;
    private final List<String> allowEntityGlobs;
    private final List<String> denyEntityGlobs;

    AccessLists(GuardConfig config) {
        this.allowTypes = config.allowTypes();
        this.denyTypes = config.denyTypes();
        this.allowEntities = config.allowEntities().stream().map(AccessLists::glob).toList();
        this.denyEntities = config.denyEntities().stream().map(AccessLists::glob).toList();
        this.allowEntityGlobs = config.allowEntities();
        this.denyEntityGlobs = config.denyEntities();
    }

    /** Why {@code action} may not pass, or empty when it may. */
    Optional<String> refuse(HealingAction action) {
        if (denyTypes.contains(action.type())) {
            return Optional.of("action type " + action.type() + " is on the deny list");
        }
        if (!allowTypes.isEmpty() && !allowTypes.contains(action.type())) {
            return Optional.of(
                    "action type " + action.type() + " is not on the allow list " + allowTypes);
        }
        for (int i = 0; i < denyEntities.size(); i++) {
            if (denyEntities.get(i).matcher(action.target()).matches()) {
                return Optional.of(
                        "target "
                                + action.target()
                                + " matches deny-list entry "
                                + denyEntityGlobs.get(i));
            }
        }
        if (!allowEntities.isEmpty()
                && allowEntities.stream().noneMatch(p -> p.matcher(action.target()).matches())) {
            return Optional.of(
                    "target " + action.target() + " is not on the allow list " + allowEntityGlobs);
        }
        return Optional.empty();
    }

    private static Pattern glob(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
