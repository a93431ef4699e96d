package org.aitia.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aitia.model.Json;
import org.aitia.model.Topology;
import org.aitia.model.VitrageNodeLink;

/**
 * Reads and writes the canonical {@code topology.json} ({@code {"entities": [...], "relationships":
 * [...]}}, the JSON form of {@link Topology}). Reading also accepts a Vitrage node-link dump (the
 * output of {@code vitrage topology show}), recognised by its {@code nodes} and {@code links}.
 */
public final class TopologyJson {
    private TopologyJson() {}

    /**
     * Reads a topology from a file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong in it
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Topology read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a topology from JSON text (canonical or node-link). */
    public static Topology read(String json) {
        try {
            return fromTree(Json.mapper().readTree(json), "topology");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("topology: not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a topology from a stream (canonical or node-link).
     *
     * @param where names the source in error messages
     */
    public static Topology read(InputStream in, String where) {
        try {
            return fromTree(Json.mapper().readTree(in), where);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }

    private static Topology fromTree(JsonNode tree, String where) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(where + ": a JSON object expected");
        }
        try {
            if (VitrageNodeLink.looksLikeNodeLink(tree)) {
                return VitrageNodeLink.read(tree);
            }
            if (!tree.has("entities")) {
                throw new IllegalArgumentException(
                        "neither a topology (entities, relationships) nor a Vitrage node-link graph (nodes, links)");
            }
            return Json.mapper().treeToValue(tree, Topology.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(
                    where + ": invalid topology: " + cause.getMessage() + " at " + pathOf(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String pathOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException jme) {
            return jme.getPathReference();
        }
        return "?";
    }

    /** The canonical JSON of a topology. */
    public static String write(Topology topology) {
        return Json.write(topology);
    }

    /** Writes the canonical JSON of a topology to a stream (left open). */
    public static void write(Topology topology, OutputStream out) {
        try {
            Json.mapper()
                    .writer()
                    .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, topology);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write topology", e);
        }
    }

    /** Writes the canonical JSON of a topology to a file. */
    public static void write(Topology topology, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(topology, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
