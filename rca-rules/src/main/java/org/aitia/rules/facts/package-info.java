/**
 * The facts rules match ({@link org.aitia.rules.facts.AlarmFact}, {@link
 * org.aitia.rules.facts.Node}, {@link org.aitia.rules.facts.Link}, {@link
 * org.aitia.rules.facts.Now}) and conclude ({@link org.aitia.rules.facts.CausalLink}, {@link
 * org.aitia.rules.facts.EntityState}, {@link org.aitia.rules.facts.ActionRequest}) through {@link
 * org.aitia.rules.facts.Conclude}: the vocabulary of DRL rule files.
 */
package org.aitia.rules.facts;
