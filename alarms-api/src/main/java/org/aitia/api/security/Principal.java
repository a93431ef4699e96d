package org.aitia.api.security;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An authenticated caller.
 *
 * @param userId who
 * @param projectId the caller's project (tenant)
 * @param roles role names, lower case
 */
public record Principal(String userId, String projectId, Set<String> roles) {

    /** Role names that may read. */
    public static final Set<String> READ_ROLES = Set.of("reader", "member", "_member_", "admin");

    public Principal {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        projectId = projectId == null || projectId.isBlank() ? "default" : projectId;
        roles =
                roles == null
                        ? Set.of()
                        : roles.stream()
                                .map(r -> r.trim().toLowerCase(Locale.ROOT))
                                .filter(r -> !r.isEmpty())
                                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean canRead() {
        return roles.stream().anyMatch(READ_ROLES::contains);
    }
}
