package org.aitia.api.security;

import io.javalin.http.Context;

/** Establishes who sent a request. */
public interface Authenticator {

    /**
     * The caller of {@code ctx}.
     *
     * @throws org.aitia.api.errors.ApiException 401 with the reason when the request carries no
     *     valid credentials
     */
    Principal authenticate(Context ctx);

    /** The mode's name, for logs and {@code /v1/service}. */
    String mode();
}
