package pdmbot.emulator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.emulator.EmulatorState.Deployment;
import pdmbot.emulator.EmulatorState.Environment;
import pdmbot.emulator.EmulatorState.Project;

/** Deployments and environments: {@code lib/api/deployments.rb}, {@code app/finders/deployments_finder.rb}, {@code lib/api/environments.rb}. */
final class DeploymentRoutes {

    static final List<String> STATUSES = List.of("created", "running", "success", "failed", "canceled", "skipped", "blocked");
    /** state_machine events of app/models/deployment.rb and the states each may not start from. */
    private static final Map<String, String> EVENT = Map.of("running", "run", "success", "succeed", "failed", "drop",
            "canceled", "cancel");

    private final EmulatorWorld world;

    DeploymentRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id/deployments", this::list)
                .get("/projects/:id/deployments/:deployment_id", this::get)
                .post("/projects/:id/deployments", this::create)
                .put("/projects/:id/deployments/:deployment_id", this::update)
                .get("/projects/:id/environments", this::environments)
                .get("/projects/:id/environments/:environment_id", this::environment);
    }

    /**
     * {@code GET deployments}: authenticate! first (401 even on a public project); the finder's validate! in its
     * order, each as {@code bad_request!(e.message)}; order_by id|iid|created_at|updated_at|ref|finished_at (default
     * id), sort asc|desc (default asc), created_at and iid sorted as id, updated_at with id desc as tie-breaker.
     */
    private Answer list(ApiRequest r) {
        r.authenticated();
        settleDeploys();
        Project p = world.project(r);
        String orderBy = r.oneOf("order_by", "id", List.of("id", "iid", "created_at", "updated_at", "ref", "finished_at"));
        String sort = r.oneOf("sort", "asc", List.of("asc", "desc"));
        String status = r.oneOf("status", null, STATUSES);
        Optional<Instant> updatedAfter = time(r, "updated_after"), updatedBefore = time(r, "updated_before");
        Optional<Instant> finishedAfter = time(r, "finished_after"), finishedBefore = time(r, "finished_before");
        boolean byUpdated = updatedAfter.isPresent() || updatedBefore.isPresent();
        boolean byFinished = finishedAfter.isPresent() || finishedBefore.isPresent();
        if (byUpdated && byFinished)
            throw Refusal.badRequest("Both `updated_at` filter and `finished_at` filter can not be specified");
        if (byFinished != orderBy.equals("finished_at"))
            throw Refusal.badRequest("`finished_at` filter and `finished_at` sorting must be paired");
        if (byFinished && !"success".equals(status))
            throw Refusal.badRequest("`finished_at` filter must be combined with `success` status filter.");
        Optional<String> environment = r.param("environment");
        List<Deployment> rows = new ArrayList<>();
        for (Deployment d : world.state.deployments) {
            if (d.projectId() != p.id()) continue;
            if (status != null && !d.status().equals(status)) continue;
            if (environment.isPresent() && !environmentOf(d).name().equals(environment.get())) continue;
            if (updatedAfter.isPresent() && d.updatedAt().isBefore(updatedAfter.get())) continue;
            if (updatedBefore.isPresent() && !d.updatedAt().isBefore(updatedBefore.get())) continue;
            if (finishedAfter.isPresent() && (d.finishedAt() == null || d.finishedAt().isBefore(finishedAfter.get()))) continue;
            if (finishedBefore.isPresent() && (d.finishedAt() == null || !d.finishedAt().isBefore(finishedBefore.get()))) continue;
            rows.add(d);
        }
        Comparator<Deployment> byId = Comparator.comparingLong(Deployment::id);
        Comparator<Deployment> order = switch (orderBy) {
            case "updated_at" -> Comparator.comparing(Deployment::updatedAt);
            case "ref" -> Comparator.comparing(Deployment::ref);
            case "finished_at" -> Comparator.comparing(Deployment::finishedAt, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> byId;
        };
        if (sort.equals("desc")) order = order.reversed();
        if (orderBy.equals("updated_at")) order = order.thenComparing(byId.reversed());
        else if (!orderBy.equals("id") && !orderBy.equals("iid") && !orderBy.equals("created_at")) order = order.thenComparing(byId);
        rows.sort(order);
        return Pagination.page(r, rows, d -> RecordEntities.deployment(d, world));
    }

    private static Optional<Instant> time(ApiRequest r, String name) {
        Optional<String> value = r.param(name).filter(v -> !v.isBlank());
        if (value.isEmpty()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(value.get()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException again) {
                throw Refusal.invalidParameter(name + " is invalid");
            }
        }
    }

    private Environment environmentOf(Deployment d) {
        return world.state.environments.stream().filter(e -> e.id() == d.environmentId()).findFirst().orElseThrow();
    }

    private Deployment find(ApiRequest r, Project p) {
        String id = r.path("deployment_id");
        return world.state.deployments.stream()
                .filter(d -> d.projectId() == p.id() && id.matches("\\d+") && d.id() == Long.parseLong(id))
                .findFirst().orElseThrow(Refusal::recordNotFound);
    }

    private Answer get(ApiRequest r) {
        r.authenticated();
        settleDeploys();
        Project p = world.project(r);
        return Answer.ok(RecordEntities.deploymentExtended(find(r, p), world));
    }

    /**
     * {@code POST deployments}: environment, sha, ref, tag, status all required (Grape, missing ones named
     * together); the ref must resolve to a commit of this project, else {"message":{"ref":["The branch or tag does
     * not exist"]}}; then the model's valid_sha, {"message":{"sha":["The commit does not exist"]}}; the environment
     * is created on the fly; the sha is stored as sent; 201 DeploymentExtended; no de-duplication (Deployments::CreateService builds anew).
     */
    private Answer create(ApiRequest r) {
        EmulatorState.User user = r.writer();
        Project p = world.project(r);
        r.require("environment", "sha", "ref", "tag", "status");
        boolean tag = r.boolParam("tag").orElseThrow();
        String status = r.oneOf("status", null, List.of("running", "success", "failed", "canceled"));
        String ref = r.param("ref").orElseThrow();
        String sha = r.param("sha").orElseThrow();
        ProjectRepository repo = world.repository(p);
        if (repo.commit(ref).isEmpty()) throw Refusal.validation("ref", "The branch or tag does not exist");
        if (repo.commit(sha).isEmpty())
            throw Refusal.validation("sha", "The commit does not exist");
        Instant now = world.now();
        Environment env = findOrCreateEnvironment(p, r.param("environment").orElseThrow(), now);
        long iid = world.state.deployments.stream().filter(d -> d.projectId() == p.id()).mapToLong(Deployment::iid).max().orElse(0) + 1;
        Deployment d = new Deployment(world.state.nextId(), iid, p.id(), env.id(), ref, sha,
                tag, status, user.id(), now, now, List.of("success", "failed", "canceled").contains(status) ? now : null);
        world.state.deployments.add(d);
        world.save();
        return Answer.created(RecordEntities.deploymentExtended(d, world));
    }

    Environment findOrCreateEnvironment(Project p, String name, Instant now) {
        Optional<Environment> existing = world.state.environments.stream()
                .filter(e -> e.projectId() == p.id() && e.name().equals(name)).findFirst();
        if (existing.isPresent()) return existing.get();
        Environment env = new Environment(world.state.nextId(), p.id(), name, slug(name), now, now);
        world.state.environments.add(env);
        return env;
    }

    /**
     * Gitlab::Slug::Environment: lower case, non-alphanumerics to '-', at most 24 characters, and when that changed
     * the name a '-' and 6 characters derived from the name's SHA-256 ({@code db/gstg} → {@code db-gstg-xxxxxx}).
     */
    static String slug(String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]", "-").replaceAll("^[^a-z]+", "").replaceAll("-+", "-");
        if (slug.length() > 24) slug = slug.substring(0, 24);
        slug = slug.replaceAll("-+$", "");
        if (slug.equals(name)) return slug;
        try {
            String base36 = new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8))).toString(36);
            return (slug.isEmpty() ? "env" : slug) + "-" + base36.substring(base36.length() - 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@code PUT deployments/:id} with {@code status} running|success|failed|canceled; a transition the state machine
     * refuses (success → running, success → success) answers 400 {"message":{"status":["cannot transition via
     * \"succeed\""]}} (state_machines' ActiveModel error; inferred, see gitlab-facts §2). Deployments made by CI
     * would answer 403; every emulator deployment is API-created, so none does.
     */
    private Answer update(ApiRequest r) {
        r.writer();
        Project p = world.project(r);
        r.require("status");
        String status = r.oneOf("status", null, List.of("running", "success", "failed", "canceled"));
        Deployment d = find(r, p);
        boolean allowed = status.equals("running") ? List.of("created", "blocked").contains(d.status()) : !d.status().equals(status);
        if (!allowed) throw Refusal.validation("status", "cannot transition via \"" + EVENT.get(status) + "\"");
        Deployment next = d.withStatus(status, world.now());
        EmulatorState.replace(world.state.deployments, d, next);
        world.save();
        return Answer.ok(RecordEntities.deploymentExtended(next, world));
    }

    /** {@code GET environments}: {@code name} exact, {@code search} substring, paged by id (lib/api/environments.rb). */
    private Answer environments(ApiRequest r) {
        r.authenticated();
        settleDeploys();
        Project p = world.project(r);
        Optional<String> name = r.param("name");
        Optional<String> search = r.param("search");
        List<Environment> rows = world.state.environments.stream().filter(e -> e.projectId() == p.id())
                .filter(e -> name.isEmpty() || e.name().equals(name.get()))
                .filter(e -> search.isEmpty() || e.name().contains(search.get()))
                .sorted(Comparator.comparingLong(Environment::id)).toList();
        return Pagination.page(r, rows, e -> RecordEntities.environment(e, lastDeployment(e), world));
    }

    private Answer environment(ApiRequest r) {
        r.authenticated();
        settleDeploys();
        Project p = world.project(r);
        String id = r.path("environment_id");
        Environment env = world.state.environments.stream()
                .filter(e -> e.projectId() == p.id() && id.matches("\\d+") && e.id() == Long.parseLong(id))
                .findFirst().orElseThrow(() -> Refusal.notFound("Environment"));
        return Answer.ok(RecordEntities.environment(env, lastDeployment(env), world));
    }

    /** Deploy pipelines that ended since the last read end their deployments first ({@link DeployerDeployments}). */
    private void settleDeploys() {
        if (world.state.deployTracks.isEmpty()) return;
        PipelineRoutes pipelines = new PipelineRoutes(world);
        if (DeployerDeployments.settle(world, pipelines::state)) world.save();
    }

    /** Environment#last_deployment: the newest successful deployment. */
    private Deployment lastDeployment(Environment env) {
        return world.state.deployments.stream().filter(d -> d.environmentId() == env.id() && d.status().equals("success"))
                .max(Comparator.comparingLong(Deployment::id)).orElse(null);
    }
}
