package org.aitia.collectors.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.aitia.collectors.CollectorsConfig;

/** Checks an {@code Authorization: Basic ...} header in constant time. */
final class BasicAuthCheck {
    private final byte[] expected;

    BasicAuthCheck(CollectorsConfig.BasicAuth auth) {
        this.expected =
                ("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (auth.username() + ":" + auth.password())
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(String header) {
        return header != null
                && MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
