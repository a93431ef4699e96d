package org.aitia.collectors.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ext.AvailabilityZone;
import org.openstack4j.model.compute.ext.Hypervisor;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeAttachment;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenStack through openstack4j (Keystone v3, project-scoped password authentication). Each poll
 * lists Nova availability zones, hypervisors and servers (all projects), Neutron networks and
 * ports, and Cinder volumes with their attachments, builds a snapshot and publishes only the
 * differences; the first poll is a full resync.
 *
 * <p>Entities: {@code nova.zone} (id {@code nova.zone:<name>}), {@code nova.host} (id the service
 * host, name the hypervisor host name), {@code nova.instance}, {@code neutron.network}, {@code
 * neutron.port}, {@code cinder.volume} (ids the OpenStack UUIDs). Relationships: zone contains
 * host, host contains instance, network contains port, port attached instance, volume attached
 * instance. A host's site is its zone; an instance's its zone; others the configured site.
 *
 * <p>The token is renewed when it expires within a minute or when a call fails; a failed poll is
 * logged and retried at the next period with a full resync, never deleting anything.
 */
public final class OpenStackDatasource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenStackDatasource.class);

    private final CollectorsConfig.OpenStack config;
    private final TopologySink sink;
    private final SnapshotDiff diff = new SnapshotDiff();
    private final ScheduledExecutorService poller;
    private OSClientV3 client;
    private volatile int authentications;
    private volatile int polls;

    private OpenStackDatasource(CollectorsConfig.OpenStack config, TopologySink sink) {
        this.config = config;
        this.sink = sink;
        this.poller =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "aitia-openstack-datasource");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Starts polling now and every {@code config.pollMs()}. */
    public static OpenStackDatasource start(CollectorsConfig.OpenStack config, TopologySink sink) {
        OpenStackDatasource ds = new OpenStackDatasource(config, sink);
        ds.poller.scheduleWithFixedDelay(ds::pollSafely, 0, config.pollMs(), TimeUnit.MILLISECONDS);
        LOG.info("openstack datasource polling {} every {} ms", config.authUrl(), config.pollMs());
        return ds;
    }

    /** Keystone authentications so far (one at start, one per expiry or failure). */
    public int authentications() {
        return authentications;
    }

    /** Polls completed so far. */
    public int polls() {
        return polls;
    }

    private void pollSafely() {
        try {
            poll();
            polls++;
        } catch (RuntimeException e) {
            LOG.error(
                    "openstack poll of {} failed; re-authenticating and resyncing next time: {}",
                    config.authUrl(),
                    e.toString());
            client = null;
            diff.reset();
        }
    }

    private void poll() {
        OSClientV3 os = session();
        Topology snapshot = snapshot(os);
        List<TopologyChange> changes = diff.update(snapshot, Instant.now());
        if (!changes.isEmpty()) {
            sink.publish(changes);
            LOG.info("openstack datasource published {} change(s)", changes.size());
        }
    }

    private OSClientV3 session() {
        if (client != null) {
            java.util.Date expires = client.getToken().getExpires();
            if (expires == null || expires.toInstant().isAfter(Instant.now().plusSeconds(60))) {
                return client;
            }
            LOG.info("keystone token expires at {}: renewing", expires.toInstant());
        }
        OSClientV3 os =
                OSFactory.builderV3()
                        .endpoint(config.authUrl())
                        .credentials(
                                config.username(),
                                config.password(),
                                Identifier.byName(config.userDomain()))
                        .scopeToProject(
                                Identifier.byName(config.project()),
                                Identifier.byName(config.projectDomain()))
                        .authenticate();
        if (config.region() != null) {
            os.useRegion(config.region());
        }
        authentications++;
        client = os;
        return os;
    }

    private Topology snapshot(OSClientV3 os) {
        List<Entity> entities = new ArrayList<>();
        List<Relationship> rels = new ArrayList<>();
        String site = config.site();
        Map<String, String> hostZone = new HashMap<>();
        for (AvailabilityZone z : os.compute().zones().list(true)) {
            String zoneId = "nova.zone:" + z.getZoneName();
            String state =
                    z.getZoneState() != null && z.getZoneState().getAvailable()
                            ? "available"
                            : "unavailable";
            entities.add(
                    new Entity(
                            zoneId,
                            "nova.zone",
                            z.getZoneName(),
                            z.getZoneName(),
                            state,
                            Map.of()));
            if (z.getHosts() != null) {
                z.getHosts().keySet().forEach(h -> hostZone.put(h, z.getZoneName()));
            }
        }
        for (Hypervisor h : os.compute().hypervisors().list()) {
            String id =
                    h.getService() != null && h.getService().getHost() != null
                            ? h.getService().getHost()
                            : h.getHypervisorHostname();
            String zone = hostZone.get(id);
            Map<String, String> props = new HashMap<>();
            putIf(props, "host_ip", h.getHostIP());
            putIf(props, "status", h.getStatus());
            putIf(props, "hypervisor_type", h.getType());
            entities.add(
                    new Entity(
                            id,
                            "nova.host",
                            h.getHypervisorHostname(),
                            zone == null ? site : zone,
                            h.getState(),
                            props));
            if (zone != null) {
                rels.add(new Relationship("nova.zone:" + zone, id, Relationship.CONTAINS));
            }
        }
        java.util.Set<String> instances = new java.util.HashSet<>();
        for (Server s : os.compute().servers().list(Map.of("all_tenants", "1"))) {
            Map<String, String> props = new HashMap<>();
            putIf(props, "project_id", s.getTenantId());
            putIf(props, "vm_state", s.getVmState());
            String zone = s.getAvailabilityZone();
            String state = s.getStatus() == null ? null : s.getStatus().name();
            entities.add(
                    new Entity(
                            s.getId(),
                            "nova.instance",
                            s.getName(),
                            zone == null ? site : zone,
                            state,
                            props));
            instances.add(s.getId());
            if (s.getHost() != null) {
                rels.add(new Relationship(s.getHost(), s.getId(), Relationship.CONTAINS));
            }
        }
        for (Network n : os.networking().network().list()) {
            entities.add(
                    new Entity(
                            n.getId(),
                            "neutron.network",
                            n.getName(),
                            site,
                            n.getStatus() == null ? null : n.getStatus().name(),
                            Map.of()));
        }
        for (Port p : os.networking().port().list()) {
            Map<String, String> props = new HashMap<>();
            putIf(props, "mac_address", p.getMacAddress());
            putIf(props, "device_owner", p.getDeviceOwner());
            putIf(props, "binding_host_id", p.getHostId());
            entities.add(
                    new Entity(
                            p.getId(),
                            "neutron.port",
                            p.getName(),
                            site,
                            p.getState() == null ? null : p.getState().name(),
                            props));
            if (p.getNetworkId() != null) {
                rels.add(new Relationship(p.getNetworkId(), p.getId(), Relationship.CONTAINS));
            }
            if (p.getDeviceId() != null && instances.contains(p.getDeviceId())) {
                rels.add(new Relationship(p.getId(), p.getDeviceId(), Relationship.ATTACHED));
            }
        }
        for (Volume v : os.blockStorage().volumes().list(Map.of("all_tenants", "1"))) {
            Map<String, String> props = new HashMap<>();
            props.put("size_gb", String.valueOf(v.getSize()));
            putIf(props, "volume_type", v.getVolumeType());
            entities.add(
                    new Entity(
                            v.getId(),
                            "cinder.volume",
                            v.getName(),
                            v.getZone() == null ? site : v.getZone(),
                            v.getStatus() == null ? null : v.getStatus().value(),
                            props));
            if (v.getAttachments() != null) {
                for (VolumeAttachment a : v.getAttachments()) {
                    if (a.getServerId() != null && instances.contains(a.getServerId())) {
                        rels.add(
                                new Relationship(
                                        v.getId(), a.getServerId(), Relationship.ATTACHED));
                    }
                }
            }
        }
        return new Topology(entities, rels);
    }

    private static void putIf(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
