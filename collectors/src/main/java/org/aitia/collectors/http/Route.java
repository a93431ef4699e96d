package org.aitia.collectors.http;

import org.aitia.collectors.parse.PayloadParser;

/**
 * One listener endpoint: a path and the parser of its bodies.
 *
 * @param path the exact request path
 * @param parser the parser; its {@link PayloadParser#source()} keys dead letters
 * @param vesErrors true to wrap errors in VES' {@code requestError} as ONAP's collector does
 */
public record Route(String path, PayloadParser parser, boolean vesErrors) {}
