/**
 * The HTTP listeners: one server, one route per source, flow control that answers 429/503 instead
 * of dropping, dead letters for refused bodies.
 */
package org.aitia.collectors.http;
