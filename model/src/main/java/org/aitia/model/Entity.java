package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A resource of the cloud: a host, an instance, a NIC, a switch, a VNF, a service chain...
 *
 * @param id unique in the topology
 * @param type Vitrage's type name where one exists ({@code nova.host}, {@code nova.instance},
 *     {@code switch}, {@code nic}, ...) or an NFV type ({@code ovs.bridge}, {@code dpdk.port},
 *     {@code vnf}, {@code vnfc}, {@code network_service}, {@code kubernetes.node}, {@code
 *     kubernetes.pod})
 * @param name the human name; defaults to the id
 * @param site the failure domain; {@link #DEFAULT_SITE} when absent
 * @param state the raw state its datasource reported, or null
 * @param properties further attributes, never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(
        String id,
        String type,
        String name,
        String site,
        String state,
        Map<String, String> properties) {

    /** The site of entities that name none. */
    public static final String DEFAULT_SITE = "default";

    public Entity {
        Checks.notBlank(id, "id");
        Checks.notBlank(type, "type");
        name = name == null || name.isBlank() ? id : name;
        site = site == null || site.isBlank() ? DEFAULT_SITE : site;
        properties = Checks.copyOf(properties, "properties");
    }

    /** An entity with no state and no properties. */
    public static Entity of(String id, String type, String name, String site) {
        return new Entity(id, type, name, site, null, Map.of());
    }

    public Entity withState(String newState) {
        return new Entity(id, type, name, site, newState, properties);
    }
}
