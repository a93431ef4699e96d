/** The adapter contract, retries with backoff, and the webhook adapter. */
package org.aitia.healing.adapter;
