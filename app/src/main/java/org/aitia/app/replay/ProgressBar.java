package org.aitia.app.replay;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal: {@code [#####-----] 5/10 host-down-doctor}. Silent when
 * the output is not a terminal or when disabled (JSON output).
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final int total;

    ProgressBar(PrintStream out, boolean enabled, int total) {
        this.out = out;
        this.enabled = enabled && total > 1;
        this.total = total;
    }

    /** True when standard output is a terminal. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    void show(int done, String current) {
        if (!enabled) {
            return;
        }
        int filled = done * WIDTH / total;
        String name = current.length() > 40 ? current.substring(0, 37) + "..." : current;
        out.print(
                "\r["
                        + "#".repeat(filled)
                        + "-".repeat(WIDTH - filled)
                        + "] "
                        + done
                        + "/"
                        + total
                        + " "
                        + name
                        + "\u001b[K");
        out.flush();
    }

    void finish() {
        if (enabled) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }
}
