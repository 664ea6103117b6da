package pdmbot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.emulator.EmulatorState.Failure;
import pdmbot.emulator.EmulatorState.Job;
import pdmbot.emulator.EmulatorState.Pipeline;
import pdmbot.emulator.EmulatorState.PlannedFailure;
import pdmbot.emulator.EmulatorState.Project;
import pdmbot.emulator.EmulatorState.Variable;

/** Pipelines, jobs, bridges and traces: {@code lib/api/ci/pipelines.rb}, {@code lib/api/ci/jobs.rb}. */
final class PipelineRoutes {

    static final List<String> STATUSES = List.of("created", "waiting_for_resource", "preparing", "pending", "running",
            "success", "failed", "canceling", "canceled", "skipped", "manual", "scheduled");
    static final List<String> SOURCES = List.of("push", "web", "trigger", "schedule", "api", "external", "pipeline",
            "chat", "webide", "merge_request_event", "external_pull_request_event", "parent_pipeline",
            "ondemand_dast_scan", "ondemand_dast_validation", "security_orchestration_policy");

    private final EmulatorWorld world;

    PipelineRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.post("/projects/:id/pipeline", this::create)
                .get("/projects/:id/pipelines", this::list)
                .get("/projects/:id/pipelines/:pipeline_id", this::get)
                .get("/projects/:id/pipelines/:pipeline_id/variables", this::pipelineVariables)
                .get("/projects/:id/pipelines/:pipeline_id/jobs", r -> jobs(r, "build"))
                .get("/projects/:id/pipelines/:pipeline_id/bridges", r -> jobs(r, "bridge"))
                .get("/projects/:id/jobs/:job_id", this::job)
                .get("/projects/:id/jobs/:job_id/trace", this::trace);
    }

    PipelineTimeline.State state(Pipeline p) {
        return PipelineTimeline.at(p, world.settings.pipelineStep(), world.now(), this::byId);
    }

    private Pipeline byId(long id) {
        return world.state.pipelines.stream().filter(x -> x.id() == id).findFirst().orElse(null);
    }

    /** A downstream pipeline exists from the moment its bridge starts it. */
    private boolean exists(Pipeline p) {
        return !p.createdAt().isAfter(world.now());
    }

    /**
     * {@code POST pipeline}: ref required; the ref must be a branch or a tag, else
     * {"message":{"base":["Reference not found"]}}; a project without CI configuration answers
     * {"message":{"base":["Missing CI config file"]}} (Ci::CreatePipelineService's chain errors through
     * render_validation_error!); variables as [{key, value, variable_type}]; 201 with the full pipeline, created, api.
     */
    private Answer create(ApiRequest r) {
        EmulatorState.User user = r.writer();
        Project p = world.project(r);
        r.require("ref");
        String ref = r.param("ref").orElseThrow();
        ProjectRepository repo = world.repository(p);
        boolean tag = repo.isTag(ref);
        if (!repo.isBranch(ref) && !tag) throw Refusal.validation("base", "Reference not found");
        List<EmulatorState.JobTemplate> templates = world.state.jobTemplates.get(p.id());
        if (templates == null || templates.isEmpty()) throw Refusal.validation("base", "Missing CI config file");
        RevCommit head = repo.commit(ref).orElseThrow(() -> Refusal.validation("base", "Reference not found"));
        List<Variable> variables = sentVariables(r);
        Pipeline pipeline = newPipeline(p, ref, head.name(), tag, "api", user.id(), world.now(), variables, templates);
        DeployerDeployments.started(world, pipeline);
        world.save();
        return Answer.created(CiEntities.pipeline(pipeline, state(pipeline), world));
    }

    /**
     * A pipeline and, for each trigger job it will reach, its downstream pipeline in the target project, created
     * from the moment that bridge starts (upstream variables forwarded, source {@code pipeline}).
     */
    private Pipeline newPipeline(Project p, String ref, String sha, boolean tag, String source, long userId, Instant at,
                                 List<Variable> variables, List<EmulatorState.JobTemplate> templates) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.forEach(v -> values.put(v.key(), v.value()));
        long id = world.state.nextId();
        EmulatorState.Failure failure = claimFailure(p, values);
        List<Job> plain = new ArrayList<>();
        for (EmulatorState.JobTemplate t : templates)
            plain.add(new Job(world.state.nextId(), substitute(t.name(), values), t.stage(), t.kind(), null));
        int failing = PipelineTimeline.failingJob(new Pipeline(id, 0, p.id(), ref, sha, tag, source, userId, at,
                variables, plain, failure));
        List<Job> jobs = new ArrayList<>();
        Instant t = at.plus(world.settings.pipelineStep().multipliedBy(2));
        for (int i = 0; i < templates.size(); i++) {
            Job job = plain.get(i);
            String target = templates.get(i).downstreamProject();
            Optional<Project> downstreamProject = target == null ? Optional.empty() : world.projectByPath(target);
            if (downstreamProject.isPresent() && (failing < 0 || i < failing)) {
                Project d = downstreamProject.get();
                List<EmulatorState.JobTemplate> theirs = world.state.jobTemplates.getOrDefault(d.id(), List.of());
                String head = world.repository(d).commit(d.defaultBranch()).map(RevCommit::name).orElse(sha);
                Pipeline down = newPipeline(d, d.defaultBranch(), head, false, "pipeline", userId, t, variables, theirs);
                job = new Job(job.id(), job.name(), job.stage(), job.kind(), down.id());
                t = t.plus(PipelineTimeline.duration(down, world.settings.pipelineStep()));
            } else {
                t = t.plus(world.settings.pipelineStep());
            }
            jobs.add(job);
        }
        long iid = world.state.pipelines.stream().filter(x -> x.projectId() == p.id()).mapToLong(Pipeline::iid).max().orElse(0) + 1;
        Pipeline pipeline = new Pipeline(id, iid, p.id(), ref, sha, tag, source, userId, at, List.copyOf(variables),
                List.copyOf(jobs), failure);
        world.state.pipelines.add(pipeline);
        return pipeline;
    }

    private static String substitute(String name, Map<String, String> values) {
        String out = name;
        for (Map.Entry<String, String> v : values.entrySet()) out = out.replace("$" + v.getKey(), v.getValue());
        return out;
    }

    /** The first planned failure for this project whose variables all match is used up by this pipeline. */
    private Failure claimFailure(Project p, Map<String, String> values) {
        for (PlannedFailure planned : world.state.plannedFailures) {
            if (planned.project() != null && !planned.project().equalsIgnoreCase(p.fullPath())) continue;
            if (!planned.variables().entrySet().stream().allMatch(e -> e.getValue().equals(values.get(e.getKey())))) continue;
            world.state.plannedFailures.remove(planned);
            String name = planned.migration() == null ? null : world.state.migrations.stream()
                    .filter(m -> m.version().equals(planned.migration())).map(EmulatorState.Migration::name).findFirst().orElse(null);
            return new Failure(planned.job(), planned.migration(), name, planned.error());
        }
        return null;
    }

    /** JSON {"variables":[{"key","value","variable_type"}]} (gitlab4j) or the form's variables[][key]/[value]. */
    private static List<Variable> sentVariables(ApiRequest r) {
        List<Variable> out = new ArrayList<>();
        JsonNode json = r.json();
        if (json != null && json.path("variables").isArray()) {
            for (JsonNode v : json.get("variables")) {
                if (!v.hasNonNull("key")) throw Refusal.invalidParameter("variables[key] is missing");
                out.add(new Variable(v.get("key").asText(), v.path("value").asText(""), v.path("variable_type").asText("env_var")));
            }
            return out;
        }
        String key = null;
        for (Map.Entry<String, String> pair : r.pairs()) {
            if (pair.getKey().equals("variables[][key]")) key = pair.getValue();
            else if (pair.getKey().equals("variables[][value]") && key != null) {
                out.add(new Variable(key, pair.getValue(), "env_var"));
                key = null;
            }
        }
        return out;
    }

    /**
     * {@code GET pipelines}: scope, status, source, ref, sha, username, updated_after/before filters; order_by
     * id|status|ref|updated_at|user_id (default id), sort default desc (Ci::PipelinesFinder, lib/api/ci/pipelines.rb).
     */
    private Answer list(ApiRequest r) {
        Project p = world.project(r);
        Optional<String> scope = Optional.ofNullable(r.oneOf("scope", null, List.of("running", "pending", "finished", "branches", "tags")));
        Optional<String> status = Optional.ofNullable(r.oneOf("status", null, STATUSES));
        Optional<String> source = Optional.ofNullable(r.oneOf("source", null, SOURCES));
        String orderBy = r.oneOf("order_by", "id", List.of("id", "status", "ref", "updated_at", "user_id"));
        String sort = r.oneOf("sort", "desc", List.of("asc", "desc"));
        Optional<String> ref = r.param("ref"), sha = r.param("sha"), username = r.param("username");
        List<Pipeline> rows = new ArrayList<>();
        Map<Long, PipelineTimeline.State> states = new LinkedHashMap<>();
        for (Pipeline x : world.state.pipelines) {
            if (x.projectId() != p.id() || !exists(x)) continue;
            PipelineTimeline.State s = state(x);
            if (ref.isPresent() && !x.ref().equals(ref.get())) continue;
            if (sha.isPresent() && !x.sha().equals(sha.get())) continue;
            if (status.isPresent() && !s.status().equals(status.get())) continue;
            if (source.isPresent() && !x.source().equals(source.get())) continue;
            if (username.isPresent() && !world.user(x.userId()).username().equals(username.get())) continue;
            if (scope.isPresent() && !inScope(scope.get(), x, s)) continue;
            if (r.has("updated_after") && s.updatedAt().isBefore(Instant.parse(r.param("updated_after").get()))) continue;
            if (r.has("updated_before") && !s.updatedAt().isBefore(Instant.parse(r.param("updated_before").get()))) continue;
            rows.add(x);
            states.put(x.id(), s);
        }
        Comparator<Pipeline> order = switch (orderBy) {
            case "status" -> Comparator.comparing((Pipeline x) -> states.get(x.id()).status());
            case "ref" -> Comparator.comparing(Pipeline::ref);
            case "updated_at" -> Comparator.comparing((Pipeline x) -> states.get(x.id()).updatedAt());
            case "user_id" -> Comparator.comparingLong(Pipeline::userId);
            default -> Comparator.comparingLong(Pipeline::id);
        };
        order = order.thenComparingLong(Pipeline::id);
        rows.sort(sort.equals("asc") ? order : order.reversed());
        return Pagination.page(r, rows, x -> CiEntities.pipelineBasic(x, states.get(x.id()), world));
    }

    private static boolean inScope(String scope, Pipeline x, PipelineTimeline.State s) {
        return switch (scope) {
            case "running" -> s.status().equals("running");
            case "pending" -> s.status().equals("pending");
            case "finished" -> List.of("success", "failed", "canceled", "skipped").contains(s.status());
            case "tags" -> x.tag();
            default -> !x.tag();
        };
    }

    private Pipeline find(ApiRequest r, Project p) {
        String id = r.path("pipeline_id");
        return world.state.pipelines.stream()
                .filter(x -> x.projectId() == p.id() && exists(x) && id.matches("\\d+") && x.id() == Long.parseLong(id))
                .findFirst().orElseThrow(() -> Refusal.notFound("Pipeline"));
    }

    private Answer get(ApiRequest r) {
        Project p = world.project(r);
        Pipeline x = find(r, p);
        return Answer.ok(CiEntities.pipeline(x, state(x), world));
    }

    private Answer pipelineVariables(ApiRequest r) {
        r.authenticated();
        Project p = world.project(r);
        Pipeline x = find(r, p);
        return Answer.ok(Json.MAPPER.valueToTree(x.variables().stream().map(CiEntities::variable).toList()));
    }

    /**
     * {@code GET pipelines/:id/jobs} lists builds only, {@code /bridges} trigger jobs only (Ci::JobsFinder's type);
     * {@code scope[]} filters by status and refuses unknown ones ("scope does not have a valid value").
     */
    private Answer jobs(ApiRequest r, String kind) {
        r.authenticated();
        Project p = world.project(r);
        Pipeline x = find(r, p);
        List<String> scope = r.params("scope");
        List<String> allowed = List.of("created", "waiting_for_resource", "preparing", "pending", "running", "success",
                "failed", "canceling", "canceled", "skipped", "manual");
        for (String s : scope) if (!allowed.contains(s)) throw Refusal.invalidParameter("scope does not have a valid value");
        PipelineTimeline.State s = state(x);
        List<PipelineTimeline.JobState> rows = s.jobs().stream()
                .filter(j -> kind.equals("bridge") == j.job().kind().equals("bridge"))
                .filter(j -> scope.isEmpty() || scope.contains(j.status())).toList();
        return Pagination.page(r, rows, j -> CiEntities.job(x, s, j, world, downstreamOf(j)));
    }

    /** The bridge's downstream pipeline and where it is, once it exists. */
    private Map.Entry<Pipeline, PipelineTimeline.State> downstreamOf(PipelineTimeline.JobState j) {
        if (j.job().downstreamPipelineId() == null) return null;
        Pipeline d = byId(j.job().downstreamPipelineId());
        return d == null || !exists(d) ? null : Map.entry(d, state(d));
    }

    private record Found(Pipeline pipeline, PipelineTimeline.State state, PipelineTimeline.JobState job) {
    }

    private Found findJob(ApiRequest r, Project p) {
        String id = r.path("job_id");
        for (Pipeline x : world.state.pipelines) {
            if (x.projectId() != p.id() || !exists(x)) continue;
            // the jobs API finds builds only: a bridge id is 404 there
            for (Job j : x.jobs())
                if (!j.kind().equals("bridge") && id.matches("\\d+") && j.id() == Long.parseLong(id)) {
                    PipelineTimeline.State s = state(x);
                    return new Found(x, s, s.jobs().stream().filter(js -> js.job().id() == j.id()).findFirst().orElseThrow());
                }
        }
        throw Refusal.notFound("Job");
    }

    private Answer job(ApiRequest r) {
        r.authenticated();
        Project p = world.project(r);
        Found f = findJob(r, p);
        return Answer.ok(CiEntities.job(f.pipeline(), f.state(), f.job(), world, null));
    }

    /** {@code GET jobs/:id/trace}: text/plain, the log so far (lib/api/ci/jobs.rb {@code trace}). */
    private Answer trace(ApiRequest r) {
        r.authenticated();
        Project p = world.project(r);
        Found f = findJob(r, p);
        return Answer.text(200, "text/plain", JobTrace.of(f.pipeline(), f.job(), DeployerMigrations.of(world, f.pipeline())));
    }
}
