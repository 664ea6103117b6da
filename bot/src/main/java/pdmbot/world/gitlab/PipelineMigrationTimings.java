package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitlab4j.api.GitLabApiException;
import pdmbot.world.MigrationLog;
import pdmbot.world.MigrationTiming;

/**
 * The migration lines of every finished job of a pipeline and of its downstream pipelines (the deployer runs
 * {@code db:migrate} in child pipelines, reached through {@code GET pipelines/:id/bridges}), read from
 * {@code GET jobs/:id/trace} as a stream: only matching lines are kept, whatever the log's size.
 */
final class PipelineMigrationTimings {

    /** Jobs whose trace is read, at most, over the pipeline and its downstream pipelines. */
    static final int MAX_JOBS = 30;
    private static final Set<String> FINISHED = Set.of("success", "failed");

    private final GitLabJson json;

    PipelineMigrationTimings(GitLabJson json) {
        this.json = json;
    }

    List<MigrationTiming> of(String project, long pipelineId) {
        List<MigrationTiming> timings = new ArrayList<>();
        collect(project, pipelineId, 0, timings, new int[]{0});
        return timings;
    }

    private void collect(String project, long pipelineId, int depth, List<MigrationTiming> into, int[] read) {
        // every page of the pipeline's jobs: GitLab lists them newest first, so a pipeline of more jobs than the bot reads
        // logs of would otherwise lose its first stages, where db:migrate usually runs
        List<JsonNode> jobs = json.list(UnableToReadPipelineException::new, project, "/pipelines/" + pipelineId + "/jobs",
                Map.of("per_page", "100"));
        List<JsonNode> finished = new ArrayList<>();
        for (JsonNode job : jobs)
            if (FINISHED.contains(job.path("status").asText("")) && job.path("id").asLong(0) > 0) finished.add(job);
        // the migrations ran in the order the jobs did
        java.util.Collections.reverse(finished);
        // with more finished jobs than logs are read, the jobs named for migrations are read first
        if (read[0] + finished.size() > MAX_JOBS) {
            List<JsonNode> named = new ArrayList<>();
            List<JsonNode> others = new ArrayList<>();
            for (JsonNode job : finished) (job.path("name").asText("").contains("migrat") ? named : others).add(job);
            finished = new ArrayList<>(named);
            finished.addAll(others);
        }
        for (JsonNode job : finished) {
            if (read[0] >= MAX_JOBS) break;
            long jobId = job.path("id").asLong(0);
            read[0]++;
            into.addAll(json.calls().read(UnableToReadPipelineException::new,
                    GitLabJson.request("GET", project, "/jobs/" + jobId + "/trace", Map.of()), () -> {
                        try (InputStream body = json.raw().get(Map.of(), json.path(project, "/jobs/" + jobId + "/trace"))) {
                            return MigrationLog.timingsOf(body);
                        } catch (IOException e) {
                            throw new GitLabApiException(e);
                        }
                    }));
        }
        if (depth >= GitLabPipelines.DOWNSTREAM_DEPTH) return;
        List<JsonNode> bridges = json.list(UnableToReadPipelineException::new, project,
                "/pipelines/" + pipelineId + "/bridges", Map.of("per_page", "100"), MAX_JOBS);
        for (JsonNode bridge : bridges) {
            JsonNode downstream = bridge.path("downstream_pipeline");
            long downstreamId = downstream.path("id").asLong(0);
            String downstreamProject = downstream.path("project_id").asText("");
            if (downstreamId > 0 && !downstreamProject.isBlank())
                collect(downstreamProject, downstreamId, depth + 1, into, read);
        }
    }
}
