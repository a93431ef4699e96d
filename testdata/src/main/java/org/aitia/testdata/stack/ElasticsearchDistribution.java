package org.aitia.testdata.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch integ-test-zip distribution and unpacks it once into a directory any user
 * can read ({@code java.io.tmpdir}/aitia-elasticsearch-VERSION), shared by all nodes.
 */
final class ElasticsearchDistribution {

    /** The version of the {@code org.elasticsearch.distribution.integ-test-zip} testdata uses. */
    static final String VERSION = "8.19.21";

    /** System property naming the distribution zip (or an unpacked home) to use instead. */
    static final String DISTRIBUTION_PROPERTY = "aitia.elasticsearch.distribution";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String ROOT = "elasticsearch-" + VERSION;

    private ElasticsearchDistribution() {}

    /** The zip in the local Maven repository (honours {@code -Dmaven.repo.local}). */
    static Path zipInMavenRepository() {
        String repo = System.getProperty("maven.repo.local");
        Path root =
                repo != null && !repo.isBlank()
                        ? Path.of(repo)
                        : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return root.resolve(
                Path.of(
                        "org",
                        "elasticsearch",
                        "distribution",
                        "integ-test-zip",
                        "elasticsearch",
                        VERSION,
                        "elasticsearch-" + VERSION + ".zip"));
    }

    /**
     * The Elasticsearch home to run: {@code explicit} (a zip or an unpacked home) if given, else
     * {@code -Daitia.elasticsearch.distribution}, else the zip from the local Maven repository,
     * unpacked into the shared cache directory.
     */
    static Path home(Path explicit) {
        Path source = explicit;
        if (source == null && System.getProperty(DISTRIBUTION_PROPERTY) != null) {
            source = Path.of(System.getProperty(DISTRIBUTION_PROPERTY));
        }
        if (source == null) {
            source = zipInMavenRepository();
            if (!Files.isRegularFile(source)) {
                Path fatJar = jarHoldingTheDistribution();
                source = fatJar != null ? fatJar : source;
            }
        }
        if (Files.isDirectory(source)) {
            if (!Files.isRegularFile(source.resolve("bin").resolve("elasticsearch"))) {
                throw new StackException(
                        "Not an Elasticsearch home (no bin/elasticsearch): " + source);
            }
            return source;
        }
        if (!Files.isRegularFile(source)) {
            throw new StackException(
                    "Elasticsearch distribution not found at "
                            + source
                            + ". It is the Maven artifact"
                            + " org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
                            + VERSION
                            + ":zip, a dependency of org.aitia:testdata, so any Maven build of a"
                            + " module depending on testdata downloads it; or run `mvn"
                            + " dependency:get -Dartifact=org.elasticsearch.distribution"
                            + ".integ-test-zip:elasticsearch:"
                            + VERSION
                            + ":zip`, or set -D"
                            + DISTRIBUTION_PROPERTY
                            + " to the zip or an unpacked home.");
        }
        return unpackOnce(source);
    }

    /**
     * A runnable fat jar built with the maven-shade-plugin holds the zip's entries (shade merges a
     * zip dependency like a jar): the jar that has {@code elasticsearch-VERSION/bin/elasticsearch}
     * as a resource, or null.
     */
    private static Path jarHoldingTheDistribution() {
        URL url =
                ElasticsearchDistribution.class
                        .getClassLoader()
                        .getResource(ROOT + "/bin/elasticsearch");
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String spec = url.getPath();
        try {
            return Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StackException("Cannot locate the jar holding " + url + ": " + e, e);
        }
    }

    private static Path unpackOnce(Path zip) {
        Path cache =
                Path.of(System.getProperty("java.io.tmpdir"), "aitia-elasticsearch-" + VERSION);
        Path home = cache.resolve(ROOT);
        Path marker = cache.resolve(".unpacked");
        if (isUnpacked(cache)) {
            return home;
        }
        long started = System.nanoTime();
        Path staging;
        try {
            staging =
                    Files.createTempDirectory(cache.getParent(), "aitia-elasticsearch-unpacking-");
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            unzip(zip, staging);
            Files.createFile(staging.resolve(marker.getFileName().toString()));
        } catch (IOException e) {
            throw new StackException("Cannot unpack " + zip + ": " + e, e);
        }
        try {
            if (Files.exists(cache) && !isUnpacked(cache)) {
                // a copy without its marker was never finished: nobody runs from it
                StackSupport.deleteRecursively(cache);
            }
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            StackSupport.deleteRecursively(staging);
            if (!isUnpacked(cache)) {
                throw new StackException("Cannot move unpacked Elasticsearch to " + cache, e);
            }
            // another JVM unpacked it at the same time: use theirs
            LOG.debug("Elasticsearch was unpacked concurrently into {} ({})", cache, e.toString());
        }
        LOG.info(
                "Unpacked Elasticsearch {} from {} into {} in {} ms",
                VERSION,
                zip,
                home,
                (System.nanoTime() - started) / 1_000_000);
        return home;
    }

    /**
     * Whether {@code cache} holds a finished copy (a marker {@code .unpacked*} is written last).
     */
    private static boolean isUnpacked(Path cache) {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (var files = Files.list(cache)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".unpacked"));
        } catch (IOException e) {
            throw new StackException("Cannot list " + cache + ": " + e, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(ROOT + "/")) {
                    continue; // a fat jar's other entries
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                boolean executable = out.getParent().getFileName().toString().equals("bin");
                Files.setPosixFilePermissions(
                        out,
                        PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (var dirs = Files.walk(target)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
