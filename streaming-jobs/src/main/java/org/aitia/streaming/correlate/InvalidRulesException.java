package org.aitia.streaming.correlate;

/** Rule sets that cannot be used, with the reason. */
public final class InvalidRulesException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
