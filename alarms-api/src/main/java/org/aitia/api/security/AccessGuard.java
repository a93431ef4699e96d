package org.aitia.api.security;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Set;
import org.aitia.api.errors.ApiException;

/**
 * Runs before every matched route: authenticates the caller unless the route is {@link
 * Role#PUBLIC}, checks the route's role, and leaves the {@link Principal} on the context.
 */
public final class AccessGuard implements Handler {
    private static final String PRINCIPAL = "aitia.principal";

    private final Authenticator authenticator;

    public AccessGuard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Role.PUBLIC)) {
            return;
        }
        Principal p = authenticator.authenticate(ctx);
        if (roles.contains(Role.ADMIN) && !p.isAdmin()) {
            throw ApiException.forbidden(
                    ctx.method() + " " + ctx.endpointHandlerPath() + " needs the admin role");
        }
        if (!p.canRead()) {
            throw ApiException.forbidden("the caller has none of the roles reader, member, admin");
        }
        ctx.attribute(PRINCIPAL, p);
    }

    /** The authenticated caller of {@code ctx}. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw ApiException.unauthorized("not authenticated");
        }
        return p;
    }
}
