package org.aitia.app.cli;

import java.io.PrintWriter;

/** What a subcommand answers before the issue that builds it has landed. */
final class NotYetAvailable {
    private NotYetAvailable() {}

    static int report(PrintWriter err, String what, String issue) {
        err.println("aitia " + what + ": not yet available in this build (" + issue + ")");
        return AitiaCommand.NOT_AVAILABLE;
    }
}
