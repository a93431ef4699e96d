/**
 * {@code aitia replay}: recorded incidents through the real pipeline, and the report of {@code
 * shared/spec/incident-format.md}.
 */
package org.aitia.app.replay;
