package org.aitia.collectors.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.aitia.model.TelemetryEvent;

/**
 * Whatever a source sends, each parser either answers events or refuses with a reason naming a
 * field: it never throws anything else (which the listener would turn into a 500).
 */
class ParsersPropertyTest {
    private static final List<PayloadParser> PARSERS =
            List.of(
                    new VesParser(VesParser.Mode.ANY),
                    new VesParser(VesParser.Mode.BATCH),
                    new CollectdParser(),
                    new AlertmanagerParser(),
                    new DoctorParser());

    private static final List<String> SEEDS =
            List.of(
                    new String(
                            VesParserTest.fault(
                                    "vfw-1", "linkDown", "MAJOR", 1_767_261_600_000_000L),
                            StandardCharsets.UTF_8),
                    new String(
                            AlertmanagerParserTest.webhook(
                                    "firing", "{\"alertname\":\"A\",\"instance\":\"h:1\"}"),
                            StandardCharsets.UTF_8),
                    "["
                            + CollectdParserTest.values(
                                    "interface",
                                    "nic0",
                                    "if_octets",
                                    "",
                                    "[\"rx\",\"tx\"]",
                                    "[1,2]")
                            + ","
                            + CollectdParserTest.notification("interface", "nic0", "FAILURE")
                            + "]",
                    new String(
                            DoctorParserTest.hostDown("down", "critical"), StandardCharsets.UTF_8),
                    new String(
                            org.aitia.collectors.IngestBench.vesBatch(3, 1),
                            StandardCharsets.UTF_8));

    @Property(tries = 600)
    void shouldAcceptOrRejectWithAFieldButNeverThrowOnMutatedPayloads(
            @ForAll("mutated") String body) {
        for (PayloadParser p : PARSERS) {
            assertAcceptsOrRejects(p, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Property(tries = 300)
    void shouldNeverThrowOnArbitraryBytes(@ForAll byte[] body) {
        for (PayloadParser p : PARSERS) {
            assertAcceptsOrRejects(p, body);
        }
    }

    @Property(tries = 300)
    void shouldNeverThrowOnArbitraryJsonValuesInEveryField(@ForAll("fieldSwaps") String body) {
        for (PayloadParser p : PARSERS) {
            assertAcceptsOrRejects(p, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void assertAcceptsOrRejects(PayloadParser p, byte[] body) {
        try {
            List<TelemetryEvent> events = p.parse(body);
            assertThat(events).doesNotContainNull();
        } catch (RejectedPayloadException e) {
            assertThat(e.field()).startsWith("$").isNotBlank();
            assertThat(e.getMessage()).contains(": ");
        }
    }

    /** A seed with one character deleted, duplicated or replaced. */
    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        return Combinators.combine(
                        seed,
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.of(0, 1, 2),
                        Arbitraries.chars().ascii())
                .as(
                        (s, pos, op, c) -> {
                            int i = pos % s.length();
                            return switch (op) {
                                case 0 -> s.substring(0, i) + s.substring(i + 1);
                                case 1 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
                                default -> s.substring(0, i) + c + s.substring(i + 1);
                            };
                        });
    }

    /** A seed with one quoted string value replaced by another JSON value. */
    @Provide
    Arbitrary<String> fieldSwaps() {
        Arbitrary<String> replacement =
                Arbitraries.of(
                        "null",
                        "0",
                        "-1",
                        "1e400",
                        "true",
                        "[]",
                        "{}",
                        "\"\"",
                        "\" \"",
                        "\"x\"",
                        "99999999999999999999999",
                        "[null]",
                        "{\"a\":[1]}");
        return Combinators.combine(
                        Arbitraries.of(SEEDS), Arbitraries.integers().between(0, 200), replacement)
                .as(
                        (s, n, r) -> {
                            java.util.regex.Matcher m =
                                    java.util.regex.Pattern.compile(
                                                    ":(\"[^\"]*\"|-?[0-9.]+|\\[[^\\[\\]]*\\])")
                                            .matcher(s);
                            int count = 0;
                            while (m.find()) {
                                count++;
                            }
                            if (count == 0) {
                                return s;
                            }
                            int target = n % count;
                            m.reset();
                            int k = 0;
                            while (m.find()) {
                                if (k++ == target) {
                                    return s.substring(0, m.start(1)) + r + s.substring(m.end(1));
                                }
                            }
                            return s;
                        });
    }
}
