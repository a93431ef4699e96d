package org.aitia.api.errors;

/**
 * A failure with the HTTP status and the reason the caller reads. Thrown by services and resources;
 * {@link ErrorMapper} turns it into the JSON error body.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public ApiException(int status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }

    public static ApiException unauthorized(String reason) {
        return new ApiException(401, reason);
    }

    public static ApiException forbidden(String reason) {
        return new ApiException(403, reason);
    }

    public static ApiException notFound(String reason) {
        return new ApiException(404, reason);
    }

    public static ApiException conflict(String reason) {
        return new ApiException(409, reason);
    }

    public static ApiException unavailable(String reason) {
        return new ApiException(503, reason);
    }
}
