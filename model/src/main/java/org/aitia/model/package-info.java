/**
 * The contracts every Aitia module speaks: telemetry events, alarms, topology entities and
 * relationships, topology changes, healing actions and their results.
 *
 * <p>All types are immutable records, validated in their constructors (an {@link
 * java.lang.IllegalArgumentException} names the offending field), and round-trip through JSON with
 * the mapper of {@link org.aitia.model.Json}. A JSON Schema for each lives under {@code schemas/}
 * on the classpath.
 */
package org.aitia.model;
