package org.aitia.testdata.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process started by a launcher: its command line, its log file, and the means to stop
 * it politely or kill it. Every live child is also registered with a JVM shutdown hook that kills
 * it, so a test run that forgets {@code close()} (or is interrupted) leaves nothing behind.
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ChildProcess::killAllLive, "aitia-stack-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts a process whose standard output and error are appended to {@code logFile}.
     *
     * @param name what the process is, for messages ("Kafka broker")
     * @param command the full command line
     * @param environment extra environment variables
     * @param workDir the working directory
     * @param logFile where stdout and stderr go (appended)
     */
    static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(workDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            Files.writeString(
                    logFile,
                    "=== " + name + ": " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            ChildProcess child = new ChildProcess(name, process, logFile);
            LIVE.add(child);
            process.onExit().thenRun(() -> LIVE.remove(child));
            LOG.debug("Started {} as pid {}, log {}", name, process.pid(), logFile);
            return child;
        } catch (IOException e) {
            throw new StackException(
                    "Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Runs a short-lived command to completion (e.g. a storage format tool).
     *
     * @throws StackException if it does not finish in time or exits with a non-zero status
     */
    static void runToCompletion(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            Duration timeout) {
        ChildProcess child = start(name, command, environment, workDir, logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.kill();
                throw new StackException(
                        name
                                + " did not finish within "
                                + timeout.toSeconds()
                                + " s; last lines of "
                                + logFile
                                + ":\n"
                                + child.logTail());
            }
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for " + name, e);
        }
        int status = child.process.exitValue();
        if (status != 0) {
            throw new StackException(
                    name
                            + " failed with exit status "
                            + status
                            + "; last lines of "
                            + logFile
                            + ":\n"
                            + child.logTail());
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit status, or -1 while alive. */
    int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /** SIGKILL the process (and any process it started) and wait until it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        LIVE.remove(this);
    }

    /**
     * SIGTERM the process and wait up to {@code grace} for it to exit; SIGKILL it if it does not.
     */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            LIVE.remove(this);
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(grace)) {
            LOG.warn(
                    "{} (pid {}) did not stop within {} s of SIGTERM; killing it",
                    name,
                    process.pid(),
                    grace.toSeconds());
            kill();
        }
        // a launcher script's server JVM (Elasticsearch) is orphaned if it outlives its parent
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(this);
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last lines of the log file, for error messages. */
    String logTail() {
        return logTail(logFile, 40);
    }

    /** The last {@code lines} lines of {@code file} (at most 64 KiB are read). */
    static String logTail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 65536);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            List<String> tail = new ArrayList<>();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                tail.add("    " + all[i]);
            }
            return String.join("\n", tail);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(
                System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void killAllLive() {
        for (ChildProcess child : List.copyOf(LIVE)) {
            child.process.descendants().forEach(ProcessHandle::destroyForcibly);
            child.process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
