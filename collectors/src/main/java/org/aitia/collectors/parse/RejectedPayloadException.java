package org.aitia.collectors.parse;

/**
 * A payload a parser refused. The message always names the offending field (a JSON path such as
 * {@code $.event.commonEventHeader.domain}) and what was expected, so the sender can fix it.
 */
public final class RejectedPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public RejectedPayloadException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public RejectedPayloadException(String field, String reason, Throwable cause) {
        super(field + ": " + reason, cause);
        this.field = field;
    }

    /** The JSON path of the offending field ({@code $} for the whole body). */
    public String field() {
        return field;
    }
}
