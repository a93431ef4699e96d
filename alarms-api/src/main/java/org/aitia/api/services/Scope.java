package org.aitia.api.services;

import org.aitia.api.errors.ApiException;
import org.aitia.api.security.Principal;
import org.aitia.api.vitrage.VitrageViews;
import org.aitia.model.Entity;

/**
 * What a caller may see: the entities of its project and those of no project (hosts, switches,
 * ...), or everything when an admin asks {@code all_tenants}.
 *
 * @param principal the caller
 * @param allTenants true when an admin asked for every tenant
 */
public record Scope(Principal principal, boolean allTenants) {

    /**
     * The scope of {@code principal}'s request.
     *
     * @throws ApiException 403 when a non-admin asks {@code all_tenants}
     */
    public static Scope of(Principal principal, boolean allTenants) {
        if (allTenants && !principal.isAdmin()) {
            throw ApiException.forbidden("all_tenants needs the admin role");
        }
        return new Scope(principal, allTenants);
    }

    /** True when the caller sees {@code e}. */
    public boolean sees(Entity e) {
        if (allTenants || e == null) {
            return true;
        }
        String project = VitrageViews.projectOf(e);
        return project == null || project.equals(principal.projectId());
    }

    /** The project to filter stored documents by, or null for all. */
    public String projectFilter() {
        return allTenants ? null : principal.projectId();
    }
}
