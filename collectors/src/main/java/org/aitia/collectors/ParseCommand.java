package org.aitia.collectors;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.aitia.collectors.parse.Parsers;
import org.aitia.collectors.parse.PayloadParser;
import org.aitia.collectors.parse.RejectedPayloadException;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;

/**
 * {@code aitia parse --source ves|collectd|alertmanager|doctor [--json] FILE}: runs the parser the
 * listener runs on a file and prints the normalised events (exit 0), or the rejection reason naming
 * the field (exit 1). Exit 2 for a usage error or an unreadable file.
 *
 * <p>Text output: one line per event ({@code KIND entity name value|severity|state time labels}).
 * {@code --json}: one {@link TelemetryEvent} JSON per line, or {@code {"rejected": true, "field",
 * "reason"}}.
 */
public final class ParseCommand {
    private ParseCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String source = null;
        String file = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json" -> json = true;
                case "--source" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, "--source needs a value");
                    }
                    source = args.get(++i);
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--source=")) {
                        source = a.substring("--source=".length());
                    } else if (a.startsWith("-")) {
                        return usage(err, "unknown option " + a);
                    } else if (file != null) {
                        return usage(err, "only one FILE, got " + file + " and " + a);
                    } else {
                        file = a;
                    }
                }
            }
        }
        if (source == null || file == null) {
            return usage(err, source == null ? "--source is required" : "FILE is required");
        }
        PayloadParser parser;
        try {
            parser = Parsers.forSource(source);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        byte[] body;
        try {
            body = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("aitia parse: no such file " + file);
            return 2;
        } catch (IOException e) {
            err.println("aitia parse: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            List<TelemetryEvent> events = parser.parse(body);
            for (TelemetryEvent e : events) {
                out.println(json ? Json.write(e) : text(e));
            }
            if (!json) {
                err.println(events.size() + " event(s) from " + file);
            }
            return 0;
        } catch (RejectedPayloadException e) {
            if (json) {
                out.println(
                        "{\"rejected\":true,\"field\":"
                                + Json.write(e.field())
                                + ",\"reason\":"
                                + Json.write(e.getMessage())
                                + "}");
            }
            err.println("rejected: " + e.getMessage());
            return 1;
        }
    }

    private static String text(TelemetryEvent e) {
        String what =
                switch (e.kind()) {
                    case METRIC -> String.valueOf(e.value());
                    case FAULT -> e.severity().label();
                    case STATE -> e.state();
                };
        return e.kind()
                + " "
                + e.entityRef()
                + " "
                + e.name()
                + " "
                + what
                + " "
                + e.eventTime()
                + " "
                + new java.util.TreeMap<>(e.labels());
    }

    private static int usage(PrintStream s, String problem) {
        if (problem != null) {
            s.println("aitia parse: " + problem);
        }
        s.println(
                "usage: aitia parse --source "
                        + String.join("|", Parsers.SOURCES)
                        + " [--json] FILE");
        return problem == null ? 0 : 2;
    }
}
