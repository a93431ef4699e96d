package org.aitia.testdata.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers that refuse to run as root (Elasticsearch) run as {@code nobody} when this JVM is root:
 * the command is prefixed with {@code setpriv --reuid=nobody --regid=<nobody's group>
 * --clear-groups} (util-linux) and their directories are given to nobody.
 */
final class RunAs {

    private static final Logger LOG = LoggerFactory.getLogger(RunAs.class);
    private static final String USER = "nobody";

    private RunAs() {}

    /** Whether this JVM runs as root (uid 0). */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command prefix that drops root to nobody, or an empty list when not root. */
    static List<String> prefix() {
        if (!isRoot()) {
            return List.of();
        }
        String setpriv = findExecutable("setpriv");
        if (setpriv == null) {
            throw new StackException(
                    "Running as root: Elasticsearch refuses root, and setpriv (package util-linux)"
                            + " was not found on PATH to run it as nobody. Install util-linux or"
                            + " run the tests as an ordinary user.");
        }
        return List.of(
                setpriv, "--reuid=" + USER, "--regid=" + nobodyGroupId(), "--clear-groups", "--");
    }

    /**
     * When root, gives {@code dir} and everything below it to nobody, and makes every ancestor
     * searchable (o+x) so nobody can reach it (JUnit's and Files.createTempDirectory's directories
     * are 0700).
     */
    static void handOver(Path dir) {
        if (!isRoot()) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            var user = lookup.lookupPrincipalByName(USER);
            var group = lookup.lookupPrincipalByGroupName(String.valueOf(nobodyGroupId()));
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.toList()) {
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(
                                    p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
            for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                    LOG.debug("Made {} searchable so that {} can reach {}", p, USER, dir);
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot give " + dir + " to user " + USER + ": " + e, e);
        }
    }

    private static int nobodyGroupId() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.filter(l -> l.startsWith(USER + ":"))
                    .map(l -> Integer.parseInt(l.split(":")[3]))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new StackException(
                                            "Running as root but there is no user "
                                                    + USER
                                                    + " in /etc/passwd to run Elasticsearch as"));
        } catch (IOException e) {
            throw new StackException("Cannot read /etc/passwd to find user " + USER, e);
        }
    }

    private static String findExecutable(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
