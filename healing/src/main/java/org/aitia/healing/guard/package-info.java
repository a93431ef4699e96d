/**
 * The guard in front of every adapter: allow and deny lists, dedupe window, storm guard, approval
 * mode, rate limits, dry-run.
 */
package org.aitia.healing.guard;
