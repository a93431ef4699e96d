/**
 * Healing: the service that takes actions from Kafka through the guard to the VIM adapters, its
 * configuration ({@link org.aitia.healing.HealingConfig}) and its bench.
 */
package org.aitia.healing;
