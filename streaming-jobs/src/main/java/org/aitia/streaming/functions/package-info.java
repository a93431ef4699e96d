/** The job's operators, each a named class testable alone with Flink's operator harnesses. */
package org.aitia.streaming.functions;
