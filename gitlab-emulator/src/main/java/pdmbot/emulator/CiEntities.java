package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import pdmbot.emulator.EmulatorState.Pipeline;
import pdmbot.emulator.EmulatorState.Project;

/** JSON of GitLab's CI entities: {@code lib/api/entities/ci/{pipeline_basic,pipeline,job_basic,job,bridge,variable}.rb}. */
final class CiEntities {

    private CiEntities() {
    }

    /** PipelineBasic: id, iid, project_id, sha, ref, status, source, created_at, updated_at, web_url, name. */
    static ObjectNode pipelineBasic(Pipeline p, PipelineTimeline.State s, EmulatorWorld world) {
        ObjectNode json = Json.object();
        json.put("id", p.id());
        json.put("iid", p.iid());
        json.put("project_id", p.projectId());
        json.put("sha", p.sha());
        json.put("ref", p.ref());
        json.put("status", s.status());
        json.put("source", p.source());
        json.put("created_at", Json.time(p.createdAt()));
        json.put("updated_at", Json.time(s.updatedAt()));
        Project project = world.projectById(p.projectId()).orElseThrow();
        json.put("web_url", world.webUrl(project) + "/-/pipelines/" + p.id());
        json.putNull("name");
        return json;
    }

    /** Pipeline: PipelineBasic plus before_sha, tag, yaml_errors, user, times, duration, coverage, detailed_status. */
    static ObjectNode pipeline(Pipeline p, PipelineTimeline.State s, EmulatorWorld world) {
        ObjectNode json = pipelineBasic(p, s, world);
        json.put("before_sha", "0000000000000000000000000000000000000000");
        json.put("tag", p.tag());
        json.putNull("yaml_errors");
        json.set("user", RecordEntities.user(world.user(p.userId()), world.settings.webUrl()));
        json.put("started_at", Json.time(s.startedAt()));
        json.put("finished_at", Json.time(s.finishedAt()));
        json.putNull("committed_at");
        if (s.startedAt() != null && s.finishedAt() != null) json.put("duration", Duration.between(s.startedAt(), s.finishedAt()).toSeconds());
        else json.putNull("duration");
        if (s.startedAt() != null) json.put("queued_duration", Duration.between(p.createdAt(), s.startedAt()).toMillis() / 1000.0);
        else json.putNull("queued_duration");
        json.putNull("coverage");
        ObjectNode detailed = json.putObject("detailed_status");
        detailed.put("icon", "status_" + s.status());
        detailed.put("text", s.status());
        detailed.put("label", label(s.status()));
        detailed.put("group", s.status());
        detailed.put("tooltip", label(s.status()));
        detailed.put("has_details", true);
        detailed.put("details_path", "/" + world.projectById(p.projectId()).orElseThrow().fullPath() + "/-/pipelines/" + p.id());
        detailed.putNull("illustration");
        detailed.put("favicon", "/assets/ci_favicons/favicon_status_" + s.status() + ".png");
        return json;
    }

    private static String label(String status) {
        return switch (status) {
            case "success" -> "passed";
            case "failed" -> "failed";
            case "running" -> "running";
            case "pending" -> "pending";
            default -> status;
        };
    }

    /** JobBasic + Job (and Bridge with downstream_pipeline): failure_reason only on failed jobs. */
    static ObjectNode job(Pipeline p, PipelineTimeline.State s, PipelineTimeline.JobState j, EmulatorWorld world,
                          java.util.Map.Entry<Pipeline, PipelineTimeline.State> downstream) {
        ObjectNode json = Json.object();
        Project project = world.projectById(p.projectId()).orElseThrow();
        json.put("id", j.job().id());
        json.put("status", j.status());
        json.put("stage", j.job().stage());
        json.put("name", j.job().name());
        json.put("ref", p.ref());
        json.put("tag", p.tag());
        json.putNull("coverage");
        json.put("allow_failure", false);
        json.put("created_at", Json.time(p.createdAt()));
        json.put("started_at", Json.time(j.startedAt()));
        json.put("finished_at", Json.time(j.finishedAt()));
        json.putNull("erased_at");
        if (j.startedAt() != null && j.finishedAt() != null)
            json.put("duration", Duration.between(j.startedAt(), j.finishedAt()).toMillis() / 1000.0);
        else json.putNull("duration");
        if (j.startedAt() != null) json.put("queued_duration", Duration.between(p.createdAt(), j.startedAt()).toMillis() / 1000.0);
        else json.putNull("queued_duration");
        json.set("user", RecordEntities.user(world.user(p.userId()), world.settings.webUrl()));
        ObjectNode commit = json.putObject("commit");
        commit.put("id", p.sha());
        commit.put("short_id", p.sha().substring(0, Math.min(8, p.sha().length())));
        json.set("pipeline", pipelineBasic(p, s, world));
        if ("failed".equals(j.status())) json.put("failure_reason", j.failureReason());
        json.put("web_url", world.webUrl(project) + "/-/jobs/" + j.job().id());
        json.putObject("project").put("ci_job_token_scope_enabled", false);
        if ("bridge".equals(j.job().kind())) {
            if (downstream == null) json.putNull("downstream_pipeline");
            else json.set("downstream_pipeline", pipelineBasic(downstream.getKey(), downstream.getValue(), world));
        } else {
            json.putArray("artifacts");
            json.putNull("runner");
            json.putNull("artifacts_expire_at");
            json.putArray("tag_list");
            json.put("archived", false);
        }
        return json;
    }

    /** Ci::Variable as the pipeline variables endpoint answers it. */
    static ObjectNode variable(EmulatorState.Variable v) {
        ObjectNode json = Json.object();
        json.put("variable_type", v.variableType());
        json.put("key", v.key());
        json.put("value", v.value());
        json.put("raw", false);
        return json;
    }
}
