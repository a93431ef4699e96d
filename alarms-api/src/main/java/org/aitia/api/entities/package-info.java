/** Immutable request and response bodies of the API, and the records it publishes on Kafka. */
package org.aitia.api.entities;
