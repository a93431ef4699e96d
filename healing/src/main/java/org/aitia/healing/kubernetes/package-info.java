/** The Kubernetes adapter on the fabric8 client. */
package org.aitia.healing.kubernetes;
