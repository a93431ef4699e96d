package org.aitia.api;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aitia.model.Json;

/** Drives {@link ApiBench}'s load with Debian's {@code wrk} and reads its figures. */
final class WrkRun {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PCT =
            Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");

    private WrkRun() {}

    static int run(
            String url,
            int alarms,
            int limit,
            int connections,
            int seconds,
            boolean json,
            PrintStream out,
            PrintStream err) {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                "wrk",
                                "-t",
                                "2",
                                "-c",
                                String.valueOf(connections),
                                "-d",
                                seconds + "s",
                                "--latency",
                                "-H",
                                "x-user-id: bench",
                                "-H",
                                "x-project-id: bench",
                                "-H",
                                "x-roles: admin",
                                url));
        String text;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
                err.println("wrk failed: " + text);
                return 1;
            }
        } catch (IOException e) {
            err.println("cannot run wrk (apt-get install wrk): " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bench", "api");
        o.put("tool", "wrk");
        o.put("route", "GET /v1/alarm/ (all_tenants)");
        o.put("alarms", alarms);
        o.put("limit", limit);
        o.put("connections", connections);
        o.put("seconds", seconds);
        Matcher total = TOTAL.matcher(text);
        if (total.find()) {
            o.put("requests", Long.parseLong(total.group(1)));
        }
        Matcher rps = RPS.matcher(text);
        double rate = rps.find() ? Double.parseDouble(rps.group(1)) : 0;
        o.put("requests_per_second", rate);
        Matcher m = PCT.matcher(text);
        double p99 = Double.NaN;
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            double ms =
                    switch (m.group(3)) {
                        case "us" -> v / 1000;
                        case "s" -> v * 1000;
                        default -> v;
                    };
            o.put("p" + m.group(1) + "_ms", ms);
            if (m.group(1).equals("99")) {
                p99 = ms;
            }
        }
        Matcher e = ERRORS.matcher(text);
        long errors = e.find() ? Long.parseLong(e.group(1)) : 0;
        o.put("errors", errors);
        o.put("target_p99_ms", 50);
        o.put("target_requests_per_second", 2000);
        o.put("meets_target", p99 <= 50 && rate >= 2000);
        if (json) {
            out.println(Json.write(o));
        } else {
            o.forEach((k, v) -> out.println(k + ": " + v));
        }
        return errors == 0 ? 0 : 1;
    }
}
