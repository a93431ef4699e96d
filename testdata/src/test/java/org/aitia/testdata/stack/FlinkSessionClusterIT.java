package org.aitia.testdata.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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

    @Test
    void shouldRunAJobJarSubmittedThroughTheRestApi() throws Exception {
        Path jar = smokeJobJar(tmp.resolve("smoke-job.jar"));
        try (FlinkSessionCluster flink = FlinkSessionCluster.start(tmp.resolve("flink"))) {
            String jobId =
                    flink.submitJob(
                            jar, SmokeJob.class.getName(), List.of("compute-3 nic down", "sw-1"));

            flink.awaitJobState(jobId, "FINISHED", Duration.ofSeconds(120));

            assertThat(Files.readString(flink.taskManagerLog()))
                    .contains("SMOKE COMPUTE-3 NIC DOWN")
                    .contains("SMOKE SW-1");
            assertThat(get(flink, "/jobs/overview")).contains(jobId).contains("\"FINISHED\"");
        }
    }

    /** A job jar holding SmokeJob's classes only, as a job jar holds no Flink classes. */
    private static Path smokeJobJar(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : List.of(SmokeJob.class, SmokeJob.Shout.class)) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (var in = type.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
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
