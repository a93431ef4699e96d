/** Flink type information: the project's records as the model's JSON. */
package org.aitia.streaming.types;
