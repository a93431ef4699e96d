package org.aitia.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Json;
import org.aitia.rules.vitrage.StatusCode;
import org.aitia.rules.vitrage.TemplateParser;

/**
 * {@code aitia validate [--json] [--param NAME=VALUE]... FILE|DIR...}: validates DRL files (each
 * compiled on its own) and Vitrage templates (validated together, so that {@code includes} find the
 * definition templates given in the same call). Prints one line per file; with {@code --json} one
 * JSON object {@code {"file", "status": "ok"|"error", "code", "message"}}. Exit status 0 when every
 * file is valid, 1 otherwise, 2 on a usage error.
 */
public final class ValidateCommand {
    private ValidateCommand() {}

    /** The verdict on one file; {@code code} is Vitrage's status code (4 for a DRL error). */
    public record Verdict(String file, String status, int code, String message) {}

    /** Runs the command; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        Map<String, String> params = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--param") || a.startsWith("--param=")) {
                String kv =
                        a.startsWith("--param=")
                                ? a.substring(8)
                                : i + 1 < args.size() ? args.get(++i) : null;
                int eq = kv == null ? -1 : kv.indexOf('=');
                if (eq <= 0) {
                    err.println("validate: --param wants NAME=VALUE, got " + kv);
                    return 2;
                }
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else if (a.startsWith("-")) {
                err.println(
                        "validate: unknown option "
                                + a
                                + " (usage: validate [--json] [--param NAME=VALUE]... FILE|DIR...)");
                return 2;
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            err.println(
                    "validate: no file given (usage: validate [--json] [--param NAME=VALUE]... FILE|DIR...)");
            return 2;
        }
        List<Verdict> verdicts = validate(paths, params);
        boolean ok = true;
        for (Verdict v : verdicts) {
            ok &= v.status().equals("ok");
            if (json) {
                out.println(Json.write(v));
            } else {
                out.println(
                        v.file()
                                + ": "
                                + v.status()
                                + (v.code() != 0 ? " [" + v.code() + "] " + v.message() : ""));
            }
        }
        return ok ? 0 : 1;
    }

    /** The verdict on every rule file under {@code paths}, in the order given. */
    public static List<Verdict> validate(List<Path> paths, Map<String, String> params) {
        List<Path> files = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (Path p : paths) {
            try {
                List<Path> found = RuleSet.ruleFiles(p);
                if (found.isEmpty()) {
                    verdicts.add(
                            new Verdict(
                                    p.toString(),
                                    "error",
                                    StatusCode.SYNTAX,
                                    "no rule files (*.drl, *.yaml, *.yml) in this directory"));
                }
                files.addAll(found);
            } catch (IOException e) {
                verdicts.add(
                        new Verdict(
                                p.toString(),
                                "error",
                                StatusCode.SYNTAX,
                                "cannot read: " + e.getMessage()));
            }
        }
        List<TemplateParser.Input> yamls = new ArrayList<>();
        Map<String, Verdict> byFile = new LinkedHashMap<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                byFile.put(
                        f.toString(),
                        new Verdict(
                                f.toString(),
                                "error",
                                StatusCode.SYNTAX,
                                "cannot read: " + e.getMessage()));
                continue;
            }
            byFile.put(f.toString(), null);
            if (RuleSet.Source.kindOf(f.getFileName().toString()) == RuleSet.Kind.DRL) {
                byFile.put(f.toString(), validateDrl(f.toString(), text));
            } else {
                yamls.add(new TemplateParser.Input(f.toString(), text));
            }
        }
        for (TemplateParser.Result r : TemplateParser.validate(yamls, params)) {
            byFile.put(
                    r.file(),
                    new Verdict(r.file(), r.ok() ? "ok" : "error", r.code(), r.message()));
        }
        verdicts.addAll(byFile.values());
        return verdicts;
    }

    private static Verdict validateDrl(String file, String text) {
        RuleSet one =
                RuleSet.of(
                        file,
                        "validate",
                        List.of(new RuleSet.Source(file, RuleSet.Kind.DRL, text)));
        try {
            org.aitia.rules.internal.RuleCompiler.compile(one);
            return new Verdict(file, "ok", 0, StatusCode.message(0));
        } catch (RuleSetException e) {
            StringBuilder sb = new StringBuilder();
            for (RuleSetException.Problem p : e.problems()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(p.line() > 0 ? "line " + p.line() + ": " : "")
                        .append(p.rule() != null ? "rule \"" + p.rule() + "\": " : "")
                        .append(p.message().replace('\n', ' '));
            }
            return new Verdict(file, "error", StatusCode.SYNTAX, sb.toString());
        }
    }
}
