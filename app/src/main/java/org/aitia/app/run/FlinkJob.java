package org.aitia.app.run;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.config.ConfigException;
import org.aitia.streaming.AssuranceJob;
import org.aitia.streaming.EmbeddedAssurance;
import org.aitia.streaming.StreamingConfig;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The assurance job: on an embedded MiniCluster when {@code flink.restUrl} is empty, else submitted
 * as the job jar to that Flink cluster. Closing cancels it.
 */
final class FlinkJob implements AutoCloseable {
    private final EmbeddedAssurance embedded;
    private final JobClient remote;
    private final String description;

    private FlinkJob(EmbeddedAssurance embedded, JobClient remote, String description) {
        this.embedded = embedded;
        this.remote = remote;
        this.description = description;
    }

    static FlinkJob start(AitiaConfig config, StreamingConfig streaming) throws Exception {
        String restUrl = config.string("flink.restUrl");
        if (restUrl.isBlank()) {
            EmbeddedAssurance job = EmbeddedAssurance.start(streaming);
            return new FlinkJob(job, null, "embedded MiniCluster, job " + job.jobId());
        }
        URI uri = URI.create(restUrl);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new ConfigException(
                    "flink.restUrl must look like http://host:8081 but was " + restUrl);
        }
        Path jar = jobJar(config);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createRemoteEnvironment(
                        uri.getHost(), uri.getPort(), jar.toString());
        AssuranceJob.build(env, streaming);
        JobClient client = env.executeAsync(AssuranceJob.NAME);
        return new FlinkJob(
                null, client, "job " + client.getJobID() + " on " + restUrl + " (jar " + jar + ")");
    }

    /** {@code flink.jobJar}, else the job jar the build leaves in streaming-jobs/target. */
    static Path jobJar(AitiaConfig config) throws Exception {
        String configured = config.string("flink.jobJar");
        if (!configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("flink.jobJar " + p + " does not exist");
            }
            return p;
        }
        Path target =
                Path.of(System.getProperty("aitia.home", ".")).resolve("streaming-jobs/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar =
                        files.filter(f -> f.getFileName().toString().endsWith("-job.jar"))
                                .findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new ConfigException(
                "no job jar to submit to flink.restUrl: build it (mvn -pl streaming-jobs -am package) or set flink.jobJar");
    }

    String describe() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        } else {
            remote.cancel().get();
        }
    }
}
