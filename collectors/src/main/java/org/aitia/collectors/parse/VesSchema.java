package org.aitia.collectors.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * ONAP's VES 7.x schema ({@code CommonEventFormat_30.2.1_ONAP.json}, draft-04, bundled as a
 * resource) with string formats (ipv4, ipv6, uri) asserted. Thread-safe; load it once.
 */
public final class VesSchema {
    /** The bundled schema's classpath location. */
    public static final String RESOURCE =
            "/org/aitia/collectors/parse/CommonEventFormat_30.2.1_ONAP.json";

    private static final VesSchema BUNDLED = new VesSchema();

    private final JsonSchema schema;

    private VesSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder()
                        .formatAssertionsEnabled(true)
                        .failFast(false)
                        .pathType(PathType.JSON_PATH)
                        .build();
        try (InputStream in = VesSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the VES schema resource is missing: " + RESOURCE);
            }
            this.schema = factory.getSchema(in, config);
            this.schema.initializeValidators();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The bundled schema. */
    public static VesSchema bundled() {
        return BUNDLED;
    }

    /**
     * Validates a whole VES body ({@code {"event": ...}} or {@code {"eventList": [...]}}).
     *
     * @return the first violation, with its JSON path, or empty when the document is valid
     */
    public Optional<RejectedPayloadException> validate(JsonNode document) {
        Set<ValidationMessage> messages;
        try {
            messages = schema.validate(document);
        } catch (RuntimeException e) {
            // The validator cannot handle some values (a number such as 1e400): name it.
            String path = JsonFields.firstNonFinite(document, "$");
            return Optional.of(
                    new RejectedPayloadException(
                            path == null ? "$" : path,
                            path == null
                                    ? "cannot be validated: " + e
                                    : "number out of range (not a finite double)",
                            e));
        }
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        ValidationMessage first = messages.iterator().next();
        String location = first.getInstanceLocation().toString();
        String message = first.getMessage();
        String path =
                "required".equals(first.getType()) && first.getProperty() != null
                        ? location + "." + first.getProperty()
                        : location;
        // networknt's message starts with the path: keep only what follows it.
        String reason =
                message.startsWith(location + ": ")
                        ? message.substring(location.length() + 2)
                        : message;
        if (messages.size() > 1) {
            reason = reason + " (and " + (messages.size() - 1) + " more violation(s))";
        }
        return Optional.of(new RejectedPayloadException(path, "VES schema: " + reason));
    }
}
