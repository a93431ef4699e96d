package org.aitia.collectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real peer program (Debian package) run as a child process by an IT. */
final class Peer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private Peer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The executable, or an assertion error telling which Debian package to install. */
    static Path require(String executable, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, executable);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(
                executable
                        + " is not installed: this test runs the real program; install it with"
                        + " `apt-get install -y "
                        + debianPackage
                        + "`");
    }

    static Peer start(Path log, String... command) {
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            return new Peer(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
