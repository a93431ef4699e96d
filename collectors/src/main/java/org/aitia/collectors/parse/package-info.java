/**
 * Parsers that turn each source's body (VES 7.x, collectd write_http JSON, Alertmanager webhook v4,
 * Doctor events) into normalised {@link org.aitia.model.TelemetryEvent}s, rejecting bad input with
 * a {@link org.aitia.collectors.parse.RejectedPayloadException} that names the field.
 */
package org.aitia.collectors.parse;
