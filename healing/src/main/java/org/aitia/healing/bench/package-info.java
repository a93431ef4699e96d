/** WireMock playing OpenStack, for the bench and the tests. */
package org.aitia.healing.bench;
