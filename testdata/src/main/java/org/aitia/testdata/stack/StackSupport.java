package org.aitia.testdata.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers shared by the launchers: ports, directories, the java command, logging. */
final class StackSupport {

    /** Loopback address every server binds to. */
    static final String HOST = "127.0.0.1";

    /**
     * System property that overrides the class path of child JVMs (Kafka, Flink). By default they
     * use this JVM's {@code java.class.path}.
     */
    static final String CLASSPATH_PROPERTY = "aitia.stack.classpath";

    private StackSupport() {}

    /** A TCP port on 127.0.0.1 that is free right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("Cannot find a free TCP port on " + HOST, e);
        }
    }

    /** A fresh temporary directory whose name starts with {@code prefix}. */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new StackException("Cannot create a temporary directory " + prefix, e);
        }
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("Cannot create directory " + dir + ": " + e, e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e, e);
        }
    }

    /** Deletes {@code dir} and everything below it; a missing directory is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StackException("Cannot delete " + dir + ": " + e, e);
        }
    }

    /** The {@code java} executable of the running JVM. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path for child JVMs: the {@value #CLASSPATH_PROPERTY} system property if set, else
     * this JVM's {@code java.class.path} (under Maven's surefire/failsafe that is a manifest-only
     * jar that names every test dependency, which the child reads as well; in a runnable fat jar it
     * is that jar).
     */
    static String childClasspath(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return absolute(explicit);
        }
        String property = System.getProperty(CLASSPATH_PROPERTY);
        if (property != null && !property.isBlank()) {
            return absolute(property);
        }
        return absolute(System.getProperty("java.class.path"));
    }

    /**
     * The class path with every entry made absolute: the child runs in its own working directory,
     * where relative entries ({@code -cp app/target/lib/*}) would point nowhere.
     */
    static String absolute(String classpath) {
        StringBuilder sb = new StringBuilder();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(java.io.File.pathSeparatorChar);
            }
            boolean wildcard = entry.endsWith("*");
            String base = wildcard ? entry.substring(0, entry.length() - 1) : entry;
            String abs =
                    java.nio.file.Path.of(base.isEmpty() ? "." : base)
                            .toAbsolutePath()
                            .normalize()
                            .toString();
            sb.append(abs);
            if (wildcard) {
                sb.append(
                        abs.endsWith(java.io.File.separator) ? "*" : java.io.File.separator + "*");
            }
        }
        return sb.toString();
    }

    /**
     * Fails with a clear message when {@code mainClass} cannot be loaded by this JVM, which almost
     * always means the child's class path lacks the server's jars too.
     */
    static void requireClass(String mainClass, String server, String coordinates) {
        try {
            Class.forName(mainClass, false, StackSupport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StackException(
                    "Cannot start "
                            + server
                            + ": class "
                            + mainClass
                            + " is not on the class path. Add "
                            + coordinates
                            + " to the dependencies (test scope is enough for ITs), or set -D"
                            + CLASSPATH_PROPERTY
                            + " to a class path that holds them.",
                    e);
        }
    }

    /**
     * JVM options that route the child's SLF4J logging to its stdout (which goes to its log file)
     * at INFO: picks the SLF4J provider present on the class path (Logback or Log4j 2) and writes a
     * matching configuration file into {@code confDir}.
     */
    static List<String> childLoggingOptions(Path confDir, String quietLoggers) {
        List<String> options = new ArrayList<>();
        Path logback = confDir.resolve("child-logback.xml");
        StringBuilder xml = new StringBuilder();
        xml.append("<configuration>\n")
                .append("  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n")
                .append("    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} -")
                .append(" %msg%n</pattern></encoder>\n")
                .append("  </appender>\n");
        for (String logger : quietLoggers.split(",")) {
            if (!logger.isBlank()) {
                xml.append("  <logger name=\"")
                        .append(logger.trim())
                        .append("\" level=\"WARN\"/>\n");
            }
        }
        xml.append("  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>\n")
                .append("</configuration>\n");
        write(logback, xml.toString());
        Path log4j = confDir.resolve("child-log4j2.properties");
        write(
                log4j,
                "status = warn\n"
                        + "appender.out.type = Console\n"
                        + "appender.out.name = OUT\n"
                        + "appender.out.layout.type = PatternLayout\n"
                        + "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1.} - %m%n\n"
                        + "rootLogger.level = info\n"
                        + "rootLogger.appenderRef.out.ref = OUT\n");
        options.add("-Dlogback.configurationFile=" + logback);
        options.add("-Dlog4j2.configurationFile=" + log4j);
        options.add("-Dlog4j.configurationFile=" + log4j);
        String provider = slf4jProvider();
        if (provider != null) {
            options.add("-Dslf4j.provider=" + provider);
        }
        return options;
    }

    private static String slf4jProvider() {
        for (String candidate :
                List.of(
                        "ch.qos.logback.classic.spi.LogbackServiceProvider",
                        "org.apache.logging.slf4j.SLF4JServiceProvider",
                        "org.slf4j.simple.SimpleServiceProvider",
                        "org.slf4j.jul.JULServiceProvider")) {
            try {
                Class.forName(candidate, false, StackSupport.class.getClassLoader());
                return candidate;
            } catch (ClassNotFoundException e) {
                // not this one; try the next provider
            }
        }
        return null;
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
