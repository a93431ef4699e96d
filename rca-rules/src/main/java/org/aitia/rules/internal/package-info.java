/** Internals of the engine: compilation, fact bookkeeping, the bench site. Not an API. */
package org.aitia.rules.internal;
