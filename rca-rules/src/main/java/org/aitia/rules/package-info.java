/**
 * Root-cause analysis on Drools: {@link org.aitia.rules.RcaEngine} (one per site), {@link
 * org.aitia.rules.RuleSet} (DRL and Vitrage templates, versioned), the standard NFV library, the
 * {@code aitia validate} command ({@link org.aitia.rules.ValidateCommand}) and {@code aitia bench
 * rules} ({@link org.aitia.rules.RulesBench}). A pure library: no Kafka, Flink or HTTP.
 */
package org.aitia.rules;
