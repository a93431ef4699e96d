package org.aitia.collectors.parse;

import java.util.List;
import org.aitia.model.TelemetryEvent;

/**
 * Turns the raw body one source sent into normalised {@link TelemetryEvent}s. Implementations are
 * thread-safe and never throw anything but {@link RejectedPayloadException} for any input.
 */
public interface PayloadParser {

    /** The source name written on every event ({@code ves}, {@code collectd}, ...). */
    String source();

    /**
     * Parses one body.
     *
     * @return the events, possibly none (a valid payload that carries nothing Aitia uses)
     * @throws RejectedPayloadException naming the field when the body is not acceptable
     */
    List<TelemetryEvent> parse(byte[] body) throws RejectedPayloadException;
}
