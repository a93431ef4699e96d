/**
 * The {@code aitia} command: {@code run}, {@code replay}, {@code record}, {@code validate}, {@code
 * parse}, {@code bench}.
 */
package org.aitia.app;
