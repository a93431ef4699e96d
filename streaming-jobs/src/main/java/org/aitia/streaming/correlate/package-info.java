/** The per-site correlation engine behind the correlate operator: rca-rules' RcaEngine. */
package org.aitia.streaming.correlate;
