package org.aitia.api.security;

import io.javalin.security.RouteRole;

/** What a route requires of its caller. */
public enum Role implements RouteRole {
    /** No authentication: {@code /health}, {@code /v1/status}, the OpenAPI document. */
    PUBLIC,
    /** Any authenticated user with the {@code reader}, {@code member} or {@code admin} role. */
    READER,
    /** An authenticated user with the {@code admin} role. */
    ADMIN
}
