package org.aitia.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.config.ConfigException;
import org.aitia.app.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code aitia} command. */
@Command(
        name = "aitia",
        mixinStandardHelpOptions = true,
        versionProvider = AitiaCommand.Version.class,
        description = "Service assurance and root-cause analysis for NFV clouds.",
        subcommands = {
            RunCommand.class,
            ReplayCommand.class,
            RecordCommand.class,
            ValidateCommand.class,
            ParseCommand.class,
            BenchCommand.class
        })
public final class AitiaCommand implements Runnable {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = CommandLine.ScopeType.INHERIT,
            description = "aitia.yaml to read (defaults: the embedded stack on 127.0.0.1).")
    Path configFile;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The command line with its subcommands and our exception handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AitiaCommand());
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    if (ex instanceof ConfigException) {
                        commandLine.getErr().println("aitia: " + ex.getMessage());
                        return 2;
                    }
                    throw ex;
                });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The effective configuration of this invocation. */
    AitiaConfig config() {
        return ConfigLoader.load(configFile, System.getenv());
    }

    /** The version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in =
                    AitiaCommand.class.getResourceAsStream("/aitia-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {
                "aitia " + p.getProperty("version", "unknown"),
                "Java "
                        + System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")"
            };
        }
    }
}
