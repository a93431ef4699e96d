package org.aitia.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.aitia.model.Ids;

/**
 * A named, versioned set of rule sources: DRL files and Vitrage templates (v1, v2, v3), with the
 * values of the templates' parameters. Immutable. DRL is code: a rule set comes from files, the
 * classpath or an admin path, never from telemetry.
 */
public final class RuleSet {

    /** What a source is written in. */
    public enum Kind {
        DRL,
        VITRAGE
    }

    /**
     * One source file.
     *
     * @param name its file name or path, used in error messages
     * @param kind DRL or a Vitrage template
     * @param text its content
     */
    public record Source(String name, Kind kind, String text) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /** The kind of a file by its extension: {@code .drl}, else {@code .yaml}/{@code .yml}. */
        public static Kind kindOf(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".drl")) {
                return Kind.DRL;
            }
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return Kind.VITRAGE;
            }
            throw new IllegalArgumentException(
                    "not a rule file (want .drl, .yaml or .yml): " + fileName);
        }
    }

    /** The files of the standard NFV library, under {@code org/aitia/rules/library/}. */
    static final List<String> LIBRARY_FILES =
            List.of("compute.drl", "network.drl", "services.drl", "explanations.drl");

    private final String name;
    private final String version;
    private final List<Source> sources;
    private final Map<String, String> parameters;

    private RuleSet(
            String name, String version, List<Source> sources, Map<String, String> parameters) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a name");
        }
        this.name = name;
        this.sources = List.copyOf(sources);
        this.parameters = Map.copyOf(parameters);
        this.version =
                version == null || version.isBlank() ? contentVersion(this.sources) : version;
    }

    /** A rule set of these sources; a null version becomes a hash of the content. */
    public static RuleSet of(String name, String version, List<Source> sources) {
        return new RuleSet(name, version, sources, Map.of());
    }

    /** The standard NFV rule library shipped in this module (see the module README). */
    public static RuleSet standardLibrary() {
        List<Source> sources = new ArrayList<>();
        for (String f : LIBRARY_FILES) {
            sources.add(resource("org/aitia/rules/library/" + f));
        }
        return new RuleSet("aitia-standard", null, sources, Map.of());
    }

    /**
     * The standard library written with graph look-ups ({@code TopologyLookup} in {@code from}
     * clauses) instead of topology facts: what {@code aitia bench rules --topology lookup} measures
     * against it. Not for production: a topology change does not re-evaluate what its look-ups
     * matched.
     */
    static RuleSet graphLookupVariant() {
        List<Source> sources = new ArrayList<>();
        for (String f : List.of("compute.drl", "network.drl", "services.drl")) {
            sources.add(resource("org/aitia/rules/lookup/" + f));
        }
        sources.add(resource("org/aitia/rules/library/explanations.drl"));
        return new RuleSet("aitia-standard-lookup", null, sources, Map.of());
    }

    private static Source resource(String path) {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the rule library lacks " + path);
            }
            return new Source(
                    path, Kind.DRL, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * The rule files ({@code *.drl}, {@code *.yaml}, {@code *.yml}) of each path: a file, or a
     * directory read recursively in name order.
     */
    public static RuleSet load(String name, String version, List<Path> filesOrDirs)
            throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path p : filesOrDirs) {
            for (Path f : ruleFiles(p)) {
                sources.add(
                        new Source(
                                f.toString(),
                                Source.kindOf(f.getFileName().toString()),
                                Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        return new RuleSet(name, version, sources, Map.of());
    }

    /** {@link #load(String, String, List)} of one file or directory, named after it. */
    public static RuleSet load(Path fileOrDir) throws IOException {
        Path fn = fileOrDir.toAbsolutePath().normalize().getFileName();
        return load(fn == null ? "rules" : fn.toString(), null, List.of(fileOrDir));
    }

    /** The rule files under {@code p}, in name order. */
    static List<Path> ruleFiles(Path p) throws IOException {
        if (!Files.exists(p)) {
            throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such rule file");
        }
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile)
                    .filter(
                            f -> {
                                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                                return n.endsWith(".drl")
                                        || n.endsWith(".yaml")
                                        || n.endsWith(".yml");
                            })
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    /** This rule set with more sources (a new content version unless one is given). */
    public RuleSet plus(List<Source> more, String newVersion) {
        List<Source> all = new ArrayList<>(sources);
        all.addAll(more);
        return new RuleSet(name, newVersion, all, parameters);
    }

    /** This rule set with values for the Vitrage templates' {@code get_param}. */
    public RuleSet withParameters(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putAll(values);
        return new RuleSet(name, version, sources, all);
    }

    /** This rule set under another version label. */
    public RuleSet withVersion(String newVersion) {
        return new RuleSet(name, newVersion, sources, parameters);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<Source> sources() {
        return sources;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    private static String contentVersion(List<Source> sources) {
        List<String> parts = new ArrayList<>();
        for (Source s : sources) {
            parts.add(s.name());
            parts.add(s.text());
        }
        return Ids.stable("v-", parts.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return "rule set " + name + " " + version + " (" + sources.size() + " sources)";
    }
}
