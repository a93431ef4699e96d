/** The durable record that makes healing at most once across restarts. */
package org.aitia.healing.journal;
