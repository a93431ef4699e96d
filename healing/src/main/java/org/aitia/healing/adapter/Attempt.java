package org.aitia.healing.adapter;

/**
 * The result of one call to a VIM.
 *
 * @param kind success, a failure worth retrying (timeout, connection refused, 5xx), or a final
 *     failure (4xx)
 * @param detail the VIM's answer in words
 */
public record Attempt(Kind kind, String detail) {
    /** How a call ended. */
    public enum Kind {
        OK,
        RETRYABLE,
        FINAL
    }

    public static Attempt ok(String detail) {
        return new Attempt(Kind.OK, detail);
    }

    public static Attempt retryable(String detail) {
        return new Attempt(Kind.RETRYABLE, detail);
    }

    public static Attempt failed(String detail) {
        return new Attempt(Kind.FINAL, detail);
    }

    /** The attempt a status code implies: 2xx ok, 5xx and 429 retryable, other 4xx final. */
    public static Attempt ofStatus(int status, String detail) {
        if (status >= 200 && status < 300) {
            return ok(detail);
        }
        if (status >= 500 || status == 429 || status == 408) {
            return retryable(detail);
        }
        return failed(detail);
    }
}
