package org.aitia.rules.facts;

import java.util.Objects;

/**
 * A derived topology fact: the VNF {@code vnfId} is a hop of the service chain (a {@code
 * network_service}) {@code serviceId}, found by following {@code chained_to} (or {@code includes})
 * from the service.
 */
public final class InChain {
    private final String serviceId;
    private final String vnfId;

    public InChain(String serviceId, String vnfId) {
        this.serviceId = serviceId;
        this.vnfId = vnfId;
    }

    public String getServiceId() {
        return serviceId;
    }

    public String getVnfId() {
        return vnfId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InChain c && serviceId.equals(c.serviceId) && vnfId.equals(c.vnfId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceId, vnfId);
    }

    @Override
    public String toString() {
        return "chain " + serviceId + " goes through " + vnfId;
    }
}
