package org.aitia.testdata.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkSessionClusterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path tmp;

    @Test
    void shouldReportOneTaskManagerWithTwoSlotsAndAcceptJarUploads() throws Exception {
        Path dataDir = tmp.resolve("flink");
        try (FlinkSessionCluster flink = FlinkSessionCluster.start(dataDir)) {
            String overview = get(flink, "/overview");
            String taskManagers = get(flink, "/taskmanagers");
            String jars = get(flink, "/jars");

            assertThat(flink.restUrl()).startsWith("http://127.0.0.1:");
            assertThat(overview)
                    .contains("\"taskmanagers\":1")
                    .contains("\"slots-total\":2")
                    .contains("\"flink-version\":\"2.2.1\"");
            assertThat(taskManagers).contains("\"slotsNumber\":2");
            assertThat(jars).contains("\"files\":[]");
            assertThat(flink.isRunning()).isTrue();
        }
        assertThat(dataDir.resolve("jobmanager.log")).exists();
    }

    private static String get(FlinkSessionCluster flink, String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(flink.restUrl() + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }
}
