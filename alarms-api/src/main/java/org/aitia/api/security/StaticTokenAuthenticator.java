package org.aitia.api.security;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.aitia.api.ApiConfig.StaticToken;
import org.aitia.api.errors.ApiException;

/**
 * Static bearer tokens from the configuration, presented as {@code Authorization: Bearer <token>}
 * or {@code X-Auth-Token: <token>}. Tokens are compared in constant time and never logged.
 */
public final class StaticTokenAuthenticator implements Authenticator {
    private final List<StaticToken> tokens;

    public StaticTokenAuthenticator(List<StaticToken> tokens) {
        if (tokens == null || tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one static token is required");
        }
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public Principal authenticate(Context ctx) {
        String presented = presentedToken(ctx);
        if (presented == null) {
            throw ApiException.unauthorized(
                    "a token is required: Authorization: Bearer <token> or X-Auth-Token");
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        for (StaticToken t : tokens) {
            if (MessageDigest.isEqual(p, t.token().getBytes(StandardCharsets.UTF_8))) {
                return new Principal(t.userId(), t.projectId(), t.roles());
            }
        }
        throw ApiException.unauthorized("the token is not valid");
    }

    /** The token in {@code Authorization: Bearer} or {@code X-Auth-Token}, or null. */
    static String presentedToken(Context ctx) {
        String authz = ctx.header("Authorization");
        if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String t = authz.substring(7).trim();
            return t.isEmpty() ? null : t;
        }
        String x = ctx.header("X-Auth-Token");
        return x == null || x.isBlank() ? null : x.trim();
    }

    @Override
    public String mode() {
        return "static";
    }
}
