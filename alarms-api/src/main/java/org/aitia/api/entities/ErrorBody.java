package org.aitia.api.entities;

/**
 * The body of every error answer. {@code description} repeats the reason because the {@code
 * vitrage} command line prints that field.
 *
 * @param status the HTTP status
 * @param error the status' name ({@code Bad Request}, ...)
 * @param reason what is wrong, naming the field or the resource
 * @param description the same as {@code reason}, for Vitrage clients
 */
public record ErrorBody(int status, String error, String reason, String description) {
    public static ErrorBody of(int status, String error, String reason) {
        return new ErrorBody(status, error, reason, reason);
    }
}
