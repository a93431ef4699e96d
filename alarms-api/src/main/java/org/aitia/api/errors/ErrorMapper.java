package org.aitia.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import org.aitia.api.entities.ErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every failure of every route becomes a JSON {@link ErrorBody} with a
 * reason. Client errors are logged at debug, server errors with their stack trace.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private static final String WRITTEN = "aitia.error.written";

    private ErrorMapper() {}

    /** Installs the mapper and the JSON 404/405 answers on {@code app}. */
    public static void install(Javalin app) {
        app.exception(Exception.class, ErrorMapper::handle);
        app.exception(HttpResponseException.class, ErrorMapper::handle);
        app.error(
                404,
                ctx -> {
                    if (ctx.attribute(WRITTEN) == null) {
                        write(ctx, 404, "no route " + ctx.method() + " " + ctx.path());
                    }
                });
        app.error(
                405,
                ctx -> {
                    if (ctx.attribute(WRITTEN) == null) {
                        write(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path());
                    }
                });
    }

    static void handle(Exception e, Context ctx) {
        if (e instanceof ApiException api) {
            if (api.status() >= 500) {
                LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), api.getMessage(), api);
            }
            write(ctx, api.status(), api.getMessage());
        } else if (e instanceof HttpResponseException h) {
            write(ctx, h.getStatus(), h.getMessage());
        } else if (e instanceof ValidationException v) {
            write(ctx, 400, "invalid parameter: " + v.getErrors());
        } else if (e instanceof JsonProcessingException j) {
            write(ctx, 400, "malformed JSON body: " + j.getOriginalMessage());
        } else if (e instanceof IllegalArgumentException iae) {
            write(ctx, 400, iae.getMessage());
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(
                    ctx,
                    500,
                    "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Writes the JSON error body with {@code status} and {@code reason}. */
    public static void write(Context ctx, int status, String reason) {
        HttpStatus hs = HttpStatus.forStatus(status);
        String name = hs == HttpStatus.UNKNOWN ? "Error" : hs.getMessage();
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.status(status).json(ErrorBody.of(status, name, reason == null ? name : reason));
    }
}
