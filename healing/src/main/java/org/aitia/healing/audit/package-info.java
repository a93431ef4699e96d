/** The Elasticsearch audit trail of action outcomes. */
package org.aitia.healing.audit;
