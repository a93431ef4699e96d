/**
 * Vitrage templates v1, v2 and v3: reading them as Vitrage's client does, validating them with
 * Vitrage's status codes ({@link org.aitia.rules.vitrage.TemplateParser}) and compiling them to DRL
 * over the engine's facts ({@link org.aitia.rules.vitrage.TemplateCompiler}).
 */
package org.aitia.rules.vitrage;
