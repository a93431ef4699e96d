package org.aitia.api.security;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashSet;
import org.aitia.api.errors.ApiException;

/**
 * Vitrage's {@code noauth}: trusts the {@code x-user-id}, {@code x-project-id} and {@code x-roles}
 * headers that {@code vitrage --os-auth-type vitrage-noauth} sends. Only for an API bound to
 * loopback ({@link Authenticators} refuses it otherwise).
 */
public final class NoAuthAuthenticator implements Authenticator {

    @Override
    public Principal authenticate(Context ctx) {
        String user = ctx.header("x-user-id");
        String project = ctx.header("x-project-id");
        if (user == null || user.isBlank() || project == null || project.isBlank()) {
            throw ApiException.unauthorized(
                    "noauth mode needs the x-user-id and x-project-id headers");
        }
        String roles = ctx.header("x-roles");
        return new Principal(
                user,
                project,
                roles == null ? new HashSet<>() : new HashSet<>(Arrays.asList(roles.split(","))));
    }

    @Override
    public String mode() {
        return "noauth";
    }
}
