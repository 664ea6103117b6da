package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Pipeline;
import org.gitlab4j.api.models.Variable;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * Starts pipelines in one project and reads where they are. A start carries its effect key as the variable
 * {@value #EFFECT_KEY}; starting again with the same key finds the pipeline among the project's newest API-started
 * pipelines instead of starting a second one.
 */
final class GitLabPipelines {

    static final String EFFECT_KEY = "PDM_EFFECT_KEY";
    /** How many of the newest API-started pipelines are searched for an effect key. */
    static final int SEARCHED = 20;
    /** Answers to {@code GET pipelines/:id/variables} that mean "not a pipeline of the bot's". */
    private static final Set<Integer> NOT_OURS = Set.of(403, 404);
    /**
     * States a pipeline leaves by itself. {@code manual} is not one: it waits for a person to play a blocking manual
     * job ({@code when: manual}, {@code allow_failure: false}) and would be polled for ever.
     */
    private static final Set<String> STILL_GOING = Set.of("created", "waiting_for_resource", "preparing", "pending",
            "running", "scheduled", "canceling");
    /** How deep a failure is followed into downstream pipelines (deployer → its child pipelines). */
    static final int DOWNSTREAM_DEPTH = 3;

    private final GitLabApi api;
    private final GitLabJson json;
    private final String project;
    private final String ref;
    private final BotUser botUser;

    GitLabPipelines(GitLabApi api, GitLabJson json, String project, String ref, BotUser botUser) {
        this.api = api;
        this.json = json;
        this.project = project;
        this.ref = ref;
        this.botUser = botUser;
    }

    /** Pipelines of another project on the same instance, with the same client and token. */
    GitLabPipelines on(String otherProject, String otherRef) {
        return new GitLabPipelines(api, json, otherProject, otherRef, botUser);
    }

    String ref() {
        return ref;
    }

    PipelineHandle start(Map<String, String> variables, String effectKey) {
        if (effectKey == null || effectKey.isBlank()) throw new IllegalArgumentException("an effect key is required");
        Optional<PipelineHandle> started = startedWith(effectKey);
        if (started.isPresent()) return started.get();
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(EFFECT_KEY, effectKey);
        Pipeline pipeline = json.calls().write(UnableToTriggerPipelineException::new,
                GitLabJson.request("POST", project, "/pipeline", Map.of()),
                () -> api.getPipelineApi().createPipeline(project, ref, all));
        if (pipeline.getId() == null)
            throw new UnableToTriggerPipelineException("GitLab created a pipeline in " + project + " but gave no id", null);
        return new PipelineHandle(String.valueOf(pipeline.getId()), pipeline.getWebUrl() == null ? "" : pipeline.getWebUrl());
    }

    /**
     * The bot's own pipeline started with this effect key, if any: only the bot user's pipelines are listed
     * ({@code username=}), and a pipeline whose variables GitLab will not show is not the bot's. Ci::PipelinePolicy
     * (app/policies/ci/pipeline_policy.rb) lets a Developer read the variables of the pipelines they triggered only
     * ({@code can?(:update_pipeline) & triggerer_of_pipeline}); anyone else's answer 403.
     */
    private Optional<PipelineHandle> startedWith(String effectKey) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ref", ref);
        query.put("source", "api");
        query.put("username", botUser.username());
        query.put("order_by", "id");
        query.put("sort", "desc");
        query.put("per_page", String.valueOf(SEARCHED));
        List<JsonNode> recent = json.list(UnableToTriggerPipelineException::new, project, "/pipelines", query, SEARCHED);
        for (JsonNode p : recent) {
            long id = p.path("id").asLong(0);
            if (id <= 0) continue;
            GitLabCalls.Answer<List<Variable>> answer = json.calls().readUnlessRefused(UnableToTriggerPipelineException::new,
                    GitLabJson.request("GET", project, "/pipelines/" + id + "/variables", Map.of()), NOT_OURS,
                    () -> api.getPipelineApi().getPipelineVariables(project, id));
            if (!(answer instanceof GitLabCalls.Answered<List<Variable>> answered)) continue;
            List<Variable> vars = answered.value();
            boolean ours = vars.stream().anyMatch(v -> EFFECT_KEY.equals(v.getKey()) && effectKey.equals(v.getValue()));
            if (ours) return Optional.of(new PipelineHandle(String.valueOf(id), p.path("web_url").asText("")));
        }
        return Optional.empty();
    }

    PipelineStatus status(PipelineHandle handle) {
        long id = idOf(handle);
        JsonNode pipeline = json.get(UnableToReadPipelineException::new, project, "/pipelines/" + id, Map.of());
        String status = pipeline.path("status").asText("");
        if (status.equals("success")) return new PipelineStatus.Succeeded();
        if (STILL_GOING.contains(status)) return new PipelineStatus.Running();
        if (status.equals("manual")) return waitingForAPerson(id, pipeline.path("web_url").asText(""));
        return failure(project, id, status, 0).orElseGet(() -> new PipelineStatus.Failed("pipeline " + id,
                pipeline.path("web_url").asText(""), Optional.empty(), "the pipeline is "
                + (status.isEmpty() ? "in an unknown state" : status) + " without a failed job", ""));
    }

    /** A pipeline stopped at a blocking manual job: someone must play it; the bot says so instead of waiting. */
    private PipelineStatus.Failed waitingForAPerson(long id, String pipelineUrl) {
        List<JsonNode> manual = json.list(UnableToReadPipelineException::new, project, "/pipelines/" + id + "/jobs",
                Map.of("scope[]", "manual", "per_page", "100"), 1);
        String job = manual.isEmpty() ? "a manual job" : manual.get(0).path("name").asText("a manual job");
        String url = manual.isEmpty() ? pipelineUrl : manual.get(0).path("web_url").asText(pipelineUrl);
        return new PipelineStatus.Failed(job, url, Optional.empty(), "pipeline " + id + " is waiting for a person: its"
                + " manual job " + job + " must be played in GitLab" + (url.isBlank() ? "" : " (" + url + ")")
                + "; it does not go on by itself, so the bot stopped waiting", "");
    }

    /**
     * What failed: the newest failed job of the pipeline that was not allowed to fail, else the downstream pipeline's
     * cause behind its first failed bridge ({@code GET /pipelines/:id/jobs} lists builds only; trigger jobs are in
     * {@code /bridges}), else the newest failed job allowed to fail; empty when none says. A job with
     * {@code allow_failure: true} (lib/api/entities/ci/job_basic.rb) does not fail its pipeline, so it is not the cause
     * while another failure is there.
     */
    private Optional<PipelineStatus.Failed> failure(String inProject, long pipelineId, String status, int depth) {
        List<JsonNode> failed = json.list(UnableToReadPipelineException::new, inProject,
                "/pipelines/" + pipelineId + "/jobs", Map.of("scope[]", "failed", "per_page", "100"), 100);
        Optional<JsonNode> cause = failed.stream().filter(j -> !allowedToFail(j)).findFirst();
        if (cause.isPresent()) return Optional.of(failedJob(inProject, cause.get()));
        Optional<PipelineStatus.Failed> downstream = depth >= DOWNSTREAM_DEPTH ? Optional.empty()
                : bridgeFailure(inProject, pipelineId, depth);
        if (downstream.isPresent() || failed.isEmpty()) return downstream;
        return Optional.of(failedJob(inProject, failed.get(0)));
    }

    private static boolean allowedToFail(JsonNode job) {
        return job.path("allow_failure").asBoolean(false);
    }

    private Optional<PipelineStatus.Failed> bridgeFailure(String inProject, long pipelineId, int depth) {
        List<JsonNode> bridges = new java.util.ArrayList<>(json.list(UnableToReadPipelineException::new, inProject,
                "/pipelines/" + pipelineId + "/bridges", Map.of("scope[]", "failed", "per_page", "100"), 100));
        // a bridge allowed to fail did not fail the pipeline either: those come last
        bridges.sort(java.util.Comparator.comparing(GitLabPipelines::allowedToFail));
        for (JsonNode bridge : bridges) {
            JsonNode downstream = bridge.path("downstream_pipeline");
            long downstreamId = downstream.path("id").asLong(0);
            String downstreamProject = downstream.path("project_id").asText("");
            if (downstreamId <= 0 || downstreamProject.isBlank()) {
                return Optional.of(new PipelineStatus.Failed(bridge.path("name").asText("a trigger job"),
                        bridge.path("web_url").asText(""), Optional.empty(), "the trigger job "
                        + bridge.path("name").asText("") + " failed without starting its downstream pipeline"
                        + (bridge.path("failure_reason").isTextual() ? " (" + bridge.path("failure_reason").asText() + ")"
                        : ""), ""));
            }
            Optional<PipelineStatus.Failed> below = failure(downstreamProject, downstreamId,
                    downstream.path("status").asText(""), depth + 1);
            if (below.isPresent()) return below;
        }
        return Optional.empty();
    }

    private PipelineStatus.Failed failedJob(String inProject, JsonNode job) {
        long jobId = job.path("id").asLong();
        JobLog.Tail tail = json.calls().read(UnableToReadPipelineException::new,
                GitLabJson.request("GET", inProject, "/jobs/" + jobId + "/trace", Map.of()), () -> {
                    try (InputStream body = json.raw().get(Map.of(), json.path(inProject, "/jobs/" + jobId + "/trace"))) {
                        return JobLog.tailOf(body);
                    } catch (IOException e) {
                        throw new GitLabApiException(e);
                    }
                });
        String error = tail.errorLine().orElse("job " + job.path("name").asText("") + " failed"
                + (job.path("failure_reason").isTextual() ? " (" + job.path("failure_reason").asText() + ")" : ""));
        return new PipelineStatus.Failed(job.path("name").asText("job " + jobId), job.path("web_url").asText(""),
                tail.migrationVersion(), error, tail.text());
    }

    /** What the finished jobs' traces of the pipeline (and its downstream pipelines) say of each migration. */
    List<MigrationTiming> migrationTimings(PipelineHandle handle) {
        return new PipelineMigrationTimings(json).of(project, idOf(handle));
    }

    private long idOf(PipelineHandle handle) {
        try {
            return Long.parseLong(handle.id());
        } catch (NumberFormatException e) {
            throw new UnableToReadPipelineException("pipeline id " + handle.id() + " is not a GitLab pipeline id of "
                    + project, e);
        }
    }
}
