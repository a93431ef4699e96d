package org.aitia.testdata.stack;

/**
 * A server could not be started, did not become ready, or failed while being used. The message says
 * which server, why, and usually ends with the last lines of its log.
 */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, including the log tail where there is one
     */
    public StackException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, including the log tail where there is one
     * @param cause the underlying failure
     */
    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
