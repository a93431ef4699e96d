package org.aitia.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of the contracts: ISO-8601 instants, nulls left out, unknown properties
 * ignored (a newer producer may add fields).
 */
public final class Json {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .build();

    private Json() {}

    /** The shared mapper. Configure nothing on it: copy it ({@code mapper().copy()}) instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName(), e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName(), e);
        }
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws IllegalArgumentException with a reason that names the field when the JSON is
     *     malformed or a value is invalid
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw invalid(type, e);
        }
    }

    /** As {@link #read(String, Class)}, from UTF-8 bytes. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw invalid(type, e);
        }
    }

    private static IllegalArgumentException invalid(Class<?> type, IOException e) {
        String reason;
        if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            reason = vie.getCause().getMessage();
        } else if (e instanceof JsonProcessingException jpe) {
            reason = jpe.getOriginalMessage();
        } else {
            reason = e.getMessage();
        }
        return new IllegalArgumentException("invalid " + type.getSimpleName() + ": " + reason, e);
    }
}
