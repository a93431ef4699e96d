package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class CollectorsConfigTest {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void shouldApplyDefaultsToAnEmptySection() throws Exception {
        CollectorsConfig c = yaml.readValue("{}", CollectorsConfig.class);

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8090);
        assertThat(c.topics().telemetry()).isEqualTo("aitia.telemetry");
        assertThat(c.topics().deadletter()).isEqualTo("aitia.deadletter");
        assertThat(c.maxInFlightEvents()).isEqualTo(200_000);
        assertThat(c.basicAuth()).isNull();
    }

    @Test
    void shouldBindAYamlSectionWithDatasources() throws Exception {
        CollectorsConfig c =
                yaml.readValue(
                        "port: 9000\nbasicAuth: {username: ves, password: pw}\ntopics: {telemetry: t1}\n"
                                + "openstack: {authUrl: 'http://keystone:5000/v3', username: aitia, password: pw, project: admin}\n"
                                + "kubernetes: {namespace: vnf}\nstaticFiles: [/etc/aitia/static.yaml]\n",
                        CollectorsConfig.class);

        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.topics().telemetry()).isEqualTo("t1");
        assertThat(c.topics().topology()).isEqualTo("aitia.topology");
        assertThat(c.openstack().userDomain()).isEqualTo("Default");
        assertThat(c.openstack().pollMs()).isEqualTo(10_000L);
        assertThat(c.openstack().toString()).doesNotContain("pw");
        assertThat(c.kubernetes().site()).isEqualTo("default");
        assertThat(c.staticFiles()).containsExactly("/etc/aitia/static.yaml");
    }

    @Test
    void shouldRefuseANegativeInFlightCapNamingTheKey() {
        assertThatThrownBy(() -> yaml.readValue("maxInFlightEvents: -1", CollectorsConfig.class))
                .hasMessageContaining("collectors.maxInFlightEvents");
    }
}
