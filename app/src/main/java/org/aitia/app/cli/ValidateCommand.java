package org.aitia.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aitia validate}: checks DRL rule files and Vitrage templates. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Validate DRL rule files and Vitrage templates (v1, v2, v3). Exit 0 when all are ok, 1 otherwise.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON line per file.")
    boolean json;

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUE",
            description = "A template parameter value.")
    List<String> params;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (json) {
            args.add("--json");
        }
        if (params != null) {
            for (String p : params) {
                args.add("--param");
                args.add(p);
            }
        }
        files.forEach(f -> args.add(f.toString()));
        return org.aitia.rules.ValidateCommand.run(args, System.out, System.err);
    }
}
