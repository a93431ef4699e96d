/**
 * {@code aitia record}: a format-1 incident folder written from the live topics of a running stack.
 */
package org.aitia.app.record;
