/** OpenStack adapters over HTTP: Keystone v3 tokens, Nova, Neutron, Mistral. */
package org.aitia.healing.openstack;
