package org.aitia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityMappingTest {

    @ParameterizedTest(name = "VES {0} -> {1}")
    @CsvSource({
        "CRITICAL,CRITICAL",
        "MAJOR,SEVERE",
        "MINOR,WARNING",
        "WARNING,WARNING",
        "NORMAL,OK",
        "critical,CRITICAL"
    })
    void shouldMapVesEventSeverity(String ves, String vitrage) {
        assertThat(SeverityMapping.fromVes(ves)).contains(Severity.of(vitrage));
    }

    @ParameterizedTest(name = "collectd {0} -> {1}")
    @CsvSource({"FAILURE,CRITICAL", "WARNING,WARNING", "OKAY,OK", "failure,CRITICAL"})
    void shouldMapCollectdSeverityAsVitragesCollectdTable(String collectd, String vitrage) {
        assertThat(SeverityMapping.fromCollectd(collectd)).contains(Severity.of(vitrage));
    }

    @ParameterizedTest(name = "Alertmanager {0}/{1} -> {2}")
    @CsvSource({
        "firing,critical,CRITICAL",
        "firing,warning,WARNING",
        "firing,error,SEVERE",
        "firing,info,N/A",
        "firing,,WARNING",
        "resolved,critical,OK"
    })
    void shouldMapAlertmanagerStatusAndSeverityLabel(String status, String label, String vitrage) {
        assertThat(SeverityMapping.fromAlertmanager(status, label)).contains(Severity.of(vitrage));
    }

    @ParameterizedTest(name = "Doctor {0} -> {1}")
    @CsvSource({"critical,CRITICAL", "major,SEVERE", "warning,WARNING", "OK,OK"})
    void shouldMapDoctorSeverity(String doctor, String vitrage) {
        assertThat(SeverityMapping.fromDoctor(doctor)).contains(Severity.of(vitrage));
    }

    @Test
    void shouldAnswerEmptyForWordsASourceDoesNotDefine() {
        assertThat(SeverityMapping.fromVes("BAD")).isEqualTo(Optional.empty());
        assertThat(SeverityMapping.fromVes(null)).isEmpty();
        assertThat(SeverityMapping.fromCollectd("PANIC")).isEmpty();
        assertThat(SeverityMapping.fromAlertmanager("firing", "apocalyptic")).isEmpty();
        assertThat(SeverityMapping.fromDoctor("")).isEmpty();
    }

    @Test
    void shouldOrderSeveritiesAsVitragePriorities() {
        assertThat(Severity.worst(Severity.WARNING, Severity.CRITICAL))
                .isEqualTo(Severity.CRITICAL);
        assertThat(Severity.worst(Severity.OK, Severity.NA)).isEqualTo(Severity.NA);
        assertThat(Severity.SEVERE.isProblem()).isTrue();
        assertThat(Severity.NA.isProblem()).isFalse();
    }

    @Test
    void shouldRefuseAnUnknownSeverityLabelListingTheAcceptedOnes() {
        assertThatThrownBy(() -> Severity.of("MAJOR"))
                .hasMessageContaining("CRITICAL, SEVERE, WARNING, N/A, OK");
    }
}
