package org.aitia.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable identifiers: the same parts always give the same id, in every JVM and every replay. */
public final class Ids {
    private Ids() {}

    /**
     * {@code prefix} followed by 16 hex digits of the SHA-256 of the parts, separated by a NUL so
     * that ("ab", "c") and ("a", "bc") differ.
     */
    public static String stable(String prefix, String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        for (String part : parts) {
            sha.update(Checks.notNull(part, "id part").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        byte[] d = sha.digest();
        StringBuilder sb = new StringBuilder(prefix.length() + 16).append(prefix);
        for (int i = 0; i < 8; i++) {
            sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(d[i] & 0xF, 16));
        }
        return sb.toString();
    }
}
