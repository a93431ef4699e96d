package org.aitia.collectors.parse;

import java.util.List;
import java.util.Locale;

/** The parsers by source name, as {@code aitia parse --source} and the replay name them. */
public final class Parsers {
    /** The source names {@link #forSource} knows. */
    public static final List<String> SOURCES =
            List.of(
                    VesParser.SOURCE,
                    CollectdParser.SOURCE,
                    AlertmanagerParser.SOURCE,
                    DoctorParser.SOURCE);

    private Parsers() {}

    /**
     * The parser the listener runs for {@code source}; for VES it accepts one event or an {@code
     * eventList} batch.
     *
     * @throws IllegalArgumentException naming the known sources when {@code source} is none
     */
    public static PayloadParser forSource(String source) {
        String s = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case VesParser.SOURCE -> new VesParser(VesParser.Mode.ANY);
            case CollectdParser.SOURCE -> new CollectdParser();
            case AlertmanagerParser.SOURCE -> new AlertmanagerParser();
            case DoctorParser.SOURCE -> new DoctorParser();
            default ->
                    throw new IllegalArgumentException(
                            "unknown source " + source + ", expected one of " + SOURCES);
        };
    }
}
