package org.aitia.app;

import org.aitia.app.cli.AitiaCommand;

/** Entry point of the {@code aitia} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(AitiaCommand.commandLine().execute(args));
    }
}
