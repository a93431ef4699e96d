package org.aitia.testdata.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchNodeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path tmp;

    @Test
    void shouldReturnAnIndexedDocument() throws Exception {
        try (ElasticsearchNode es = ElasticsearchNode.start()) {
            HttpResponse<String> put =
                    send(
                            es,
                            "PUT",
                            "/aitia-alarms/_doc/a1?refresh=true",
                            "{\"entity\":\"compute-3\",\"severity\":\"CRITICAL\"}");
            HttpResponse<String> get = send(es, "GET", "/aitia-alarms/_doc/a1", null);

            assertThat(put.statusCode()).isEqualTo(201);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body())
                    .contains("\"found\":true")
                    .contains("\"entity\":\"compute-3\"")
                    .contains("\"severity\":\"CRITICAL\"");
            assertThat(es.httpUrl()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void shouldRefuseConnectionsWhenKilledAndKeepDocumentsAfterRestart() throws Exception {
        try (ElasticsearchNode es = ElasticsearchNode.start(tmp.resolve("es"))) {
            String url = es.httpUrl();
            send(es, "PUT", "/aitia-alarms/_doc/a1?refresh=true", "{\"entity\":\"sw-1\"}");

            es.kill();
            assertThat(es.isRunning()).isFalse();
            assertThatThrownBy(() -> send(es, "GET", "/", null)).isInstanceOf(IOException.class);
            es.restart();

            assertThat(es.httpUrl()).isEqualTo(url);
            assertThat(send(es, "GET", "/aitia-alarms/_doc/a1", null).body())
                    .contains("\"entity\":\"sw-1\"");
        }
    }

    @Test
    void shouldExplainAFailedStartWithTheNodesLog() {
        assertThatThrownBy(
                        () ->
                                ElasticsearchNode.builder()
                                        .dataDir(tmp.resolve("bad"))
                                        .setting("no.such.setting", "x")
                                        .start())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("last lines of")
                .hasMessageContaining("no.such.setting");
    }

    private static HttpResponse<String> send(
            ElasticsearchNode es, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(es.httpUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
