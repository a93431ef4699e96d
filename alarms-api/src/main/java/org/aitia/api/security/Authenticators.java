package org.aitia.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.aitia.api.ApiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link Authenticator} the configuration names. */
public final class Authenticators {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticators.class);

    private Authenticators() {}

    /**
     * The authenticator of {@code config.auth()}.
     *
     * @throws IllegalStateException when noauth is asked for an API not bound to loopback
     */
    public static Authenticator create(ApiConfig config) {
        return switch (config.auth().mode()) {
            case NOAUTH -> {
                if (!isLoopback(config.host())) {
                    throw new IllegalStateException(
                            "noauth trusts any caller's headers: it only starts on a loopback"
                                    + " address, but api.host is "
                                    + config.host());
                }
                LOG.warn(
                        "Authentication is OFF (Vitrage noauth): x-user-id, x-project-id and"
                                + " x-roles are trusted as sent; bound to {} only",
                        config.host());
                yield new NoAuthAuthenticator();
            }
            case STATIC -> new StaticTokenAuthenticator(config.auth().tokens());
            case KEYSTONE -> new KeystoneAuthenticator(config.auth().keystone(), Clock.systemUTC());
        };
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("api.host " + host + " does not resolve", e);
        }
    }
}
