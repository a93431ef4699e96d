package org.aitia.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aitia.model.Severity;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    @Test
    void shouldWriteCountersHistogramsAndGaugesInTheExpositionFormat() {
        ApiMetrics m = new ApiMetrics();
        m.request("/v1/alarm", "GET", 200, 0.003);
        m.request("/v1/alarm", "GET", 200, 0.2);
        m.severities(() -> Map.of(Severity.CRITICAL, 2));
        m.gauge("aitia_engine_lag_records", "lag", () -> 7);
        String text = m.scrape();
        assertThat(text)
                .contains(
                        "aitia_api_requests_total{route=\"/v1/alarm\",method=\"GET\",status=\"200\"} 2")
                .contains(
                        "aitia_api_request_duration_seconds_bucket{route=\"/v1/alarm\",le=\"0.005\"} 1")
                .contains(
                        "aitia_api_request_duration_seconds_bucket{route=\"/v1/alarm\",le=\"0.25\"} 2")
                .contains(
                        "aitia_api_request_duration_seconds_bucket{route=\"/v1/alarm\",le=\"+Inf\"} 2")
                .contains("aitia_api_request_duration_seconds_count{route=\"/v1/alarm\"} 2")
                .contains("aitia_alarms_active{severity=\"CRITICAL\"} 2")
                .contains("aitia_alarms_active{severity=\"N/A\"} 0")
                .contains("# TYPE aitia_engine_lag_records gauge\naitia_engine_lag_records 7");
    }
}
