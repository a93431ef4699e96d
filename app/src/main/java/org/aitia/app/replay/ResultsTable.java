package org.aitia.app.replay;

import java.util.List;

/** The README's results table: one Markdown row per replayed incident and a summary line. */
public final class ResultsTable {
    private ResultsTable() {}

    public static String markdown(List<ReplayReport> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "| incident | passed | events (rejected) | root causes found | raw alarms | compression | root cause latency ms | action latency ms |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        int passed = 0;
        for (ReplayReport r : reports) {
            if (r.passed()) {
                passed++;
            }
            int raw = r.compression().rawAlarms();
            int roots = r.compression().rootCauses();
            String compression =
                    raw == 0 ? "-" : String.format("%.1f%%", 100.0 * (raw - roots) / raw);
            sb.append("| ")
                    .append(r.incident().replace("|", "\\\\|"))
                    .append(" | ")
                    .append(r.passed() ? "yes" : "**no**")
                    .append(" | ")
                    .append(r.events().read())
                    .append(" (")
                    .append(r.events().rejected())
                    .append(")")
                    .append(" | ")
                    .append(roots)
                    .append(" | ")
                    .append(raw)
                    .append(" | ")
                    .append(compression)
                    .append(" | ")
                    .append(orDash(r.latencyMs().rootCause()))
                    .append(" | ")
                    .append(orDash(r.latencyMs().action()))
                    .append(" |\n");
        }
        sb.append("\n")
                .append(passed)
                .append(" of ")
                .append(reports.size())
                .append(" incidents passed.\n");
        return sb.toString();
    }

    private static String orDash(Long v) {
        return v == null ? "-" : v.toString();
    }
}
