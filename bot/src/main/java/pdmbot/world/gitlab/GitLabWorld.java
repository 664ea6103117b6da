package pdmbot.world.gitlab;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.gitlab4j.api.GitLabApi;
import pdmbot.world.DatabaseState;
import pdmbot.world.Operations;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;
import pdmbot.world.ReleaseNotes;

/** The GitLab implementations of the world's ports, sharing one gitlab4j client; close it when done. */
public final class GitLabWorld implements AutoCloseable {

    private final GitLabApi api;
    private final GitLabApi opsApi;
    private final Optional<GitLabApi> adminApi;
    private final GitLabSettings settings;
    private final GitLabPackageSource packages;
    private final GitLabDeployments deployments;
    private final GitLabDatabaseState databases;
    private final Optional<ReleaseNotes> releaseNotes;
    private final Operations operations;
    private final GitLabCalls calls;
    private final GitLabCalls opsCalls;
    private final Optional<GitLabCalls> adminCalls;
    private final pdmbot.world.TriagePorts triage;
    private final pdmbot.world.BackgroundMigrations backgroundMigrations;

    private GitLabWorld(GitLabApi api, GitLabApi opsApi, GitLabSettings settings, RetryPolicy retry, Sleeper sleeper,
                        Clock clock, PackageTagMemory tagMemory) {
        this.api = api;
        this.opsApi = opsApi;
        this.adminApi = settings.admin().token().map(t -> client(settings.url(), t, settings));
        this.settings = settings;
        GitLabCalls calls = new GitLabCalls(retry, sleeper, RandomGenerator.getDefault(), settings.timeout(),
                settings.tokenSource(), settings.token());
        this.calls = calls;
        Map<String, GitLabRepository> repositories = new ConcurrentHashMap<>();
        Function<String, GitLabRepository> repository =
                project -> repositories.computeIfAbsent(project, path -> new GitLabRepository(api, calls, path));
        GitLabJson json = new GitLabJson(api, calls);
        this.triage = GitLabTriagePorts.of(json, settings);
        DeploymentHistory history = new DeploymentHistory(api, calls);
        GitLabRepository code = repository.apply(settings.codeProject());
        boolean omnibus = settings.packages().convention() == GitLabSettings.PackageConvention.OMNIBUS_TAGS;
        PackageTags tags = omnibus ? new OmnibusPackageTags(json, settings.packages().project(), code, tagMemory)
                : new CodeProjectTags(code, settings.tagPattern());
        // GitLab.com merges in the canonical project and builds from the security one: a commit's MR is asked of both
        List<GitLabRepository> mergeRequestProjects = settings.codeProject().equals(settings.project()) ? List.of(code)
                : List.of(repository.apply(settings.project()), code);
        this.packages = new GitLabPackageSource(code, tags, new CommitMergeRequests(mergeRequestProjects));
        // what runs on an environment: release tooling records the package (the omnibus tag) on the omnibus project
        List<String> deploymentProjects = omnibus ? List.of(settings.packages().project())
                : List.of(settings.project(), settings.securityProject());
        this.deployments = new GitLabDeployments(packages, history, deploymentProjects.get(0), omnibus);
        GitLabDatabaseState databases = new GitLabDatabaseState(history, List.of(settings.project(), settings.securityProject()),
                repository, clock);
        this.databases = databases;
        GitLabProductionIssues production = new GitLabProductionIssues(json, settings.productionProject(),
                settings.tracker());
        GitLabSettings.Pipelines p = settings.pipelines();
        // the deployer and QA pipelines may live on another instance (GitLab.com's run on its ops instance)
        this.opsCalls = opsApi == api ? calls : new GitLabCalls(retry, sleeper,
                RandomGenerator.getDefault(), settings.timeout(), settings.opsTokenSource(), settings.opsToken());
        GitLabJson opsJson = opsApi == api ? json : new GitLabJson(opsApi, opsCalls);
        BotUser opsUser = new BotUser(opsJson);
        this.operations = new Operations(
                new GitLabRunningDeployments(json, deploymentProjects),
                production, production,
                new GitLabPipelineRunner(new GitLabPipelines(opsApi, opsJson, p.pdmProject(), p.pdmRef(), opsUser), p.onlyVariable()),
                new GitLabQaPipelines(new GitLabPipelines(opsApi, opsJson, p.qaProject(), p.qaRef(), opsUser)),
                new GitLabDeploymentRecords(json, settings, repository).onFinished(databases::forget),
                new GitLabMergeRequestUpdates(json));
        // the admin API with the administrator's token when one is configured, else with the main one (403 → unknown)
        this.adminCalls = adminApi.map(a -> new GitLabCalls(retry, sleeper, RandomGenerator.getDefault(), settings.timeout(),
                settings.admin().tokenSource(), settings.admin().token().orElseThrow()));
        this.backgroundMigrations = new GitLabBackgroundMigrations(adminApi.isPresent()
                ? new GitLabJson(adminApi.get(), adminCalls.orElseThrow()) : json, adminApi.isPresent(), settings.url());
        this.releaseNotes = settings.releaseIssue().map(ReleaseIssue::parse)
                .map(issue -> new GitLabReleaseNotes(api, calls, settings.url(), issue));
    }

    /** What a failure triage asks GitLab: approvals, label events, incident issues, the admin mark. */
    /** What this world was opened with (the projects, pipelines and tracker labels). */
    public GitLabSettings settings() {
        return settings;
    }

    public pdmbot.world.TriagePorts triage() {
        return triage;
    }

    public static GitLabWorld open(GitLabSettings settings) {
        return open(settings, RetryPolicy.DEFAULT.withMaxRetryAfter(settings.maxRetryAfter()), Sleeper.THREAD, Clock.systemUTC());
    }

    /**
     * Keeps the package tags it resolved in {@code tagCache} (a file of the data folder), so that a restart resolves
     * only the tags it has not seen ({@link PackageTagMemory}).
     */
    public static GitLabWorld open(GitLabSettings settings, Path tagCache) {
        return open(settings, tagCache, settings.url());
    }

    /** As {@link #open(GitLabSettings, Path)}, the cache bound to {@code instance} (what names this GitLab for good). */
    public static GitLabWorld open(GitLabSettings settings, Path tagCache, String instance) {
        return open(settings, RetryPolicy.DEFAULT.withMaxRetryAfter(settings.maxRetryAfter()), Sleeper.THREAD, Clock.systemUTC(),
                PackageTagMemory.in(tagCache, instance, settings.packages().project() == null ? ""
                        : settings.packages().project()));
    }

    public static GitLabWorld open(GitLabSettings settings, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        return open(settings, retry, sleeper, clock, PackageTagMemory.NONE);
    }

    private static GitLabWorld open(GitLabSettings settings, RetryPolicy retry, Sleeper sleeper, Clock clock,
                                    PackageTagMemory tagMemory) {
        GitLabApi api = client(settings.url(), settings.token(), settings);
        GitLabApi opsApi = settings.hasSeparateOps() ? client(settings.opsUrl(), settings.opsToken(), settings) : api;
        return new GitLabWorld(api, opsApi, settings, retry, sleeper, clock, tagMemory);
    }

    private static GitLabApi client(String url, String token, GitLabSettings settings) {
        GitLabApi api = new GitLabApi(url, token);
        int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        api.setRequestTimeout(millis, millis);
        return api;
    }

    public PackageSource packages() {
        return packages;
    }

    public Deployments deployments() {
        return deployments;
    }

    public DatabaseState databases() {
        return databases;
    }

    /** Notes on the configured release issue; empty when none is configured. */
    public Optional<ReleaseNotes> releaseNotes() {
        return releaseNotes;
    }

    /** Running deployments, incidents, change requests, pipelines, deployment records and merge request labels. */
    public Operations operations() {
        return operations;
    }

    /** The batched background migrations of production's databases (the instance's own). */
    public pdmbot.world.BackgroundMigrations backgroundMigrations() {
        return backgroundMigrations;
    }

    public String description() {
        return settings.packages().convention() == GitLabSettings.PackageConvention.OMNIBUS_TAGS
                ? "GitLab at " + settings.url() + ": packages tagged in " + settings.packages().project() + ", code in "
                + settings.codeProject()
                : "the GitLab project " + settings.project() + " at " + settings.url();
    }

    /** Counts every failed call to GitLab (both instances) in {@code errors}, for {@code /metrics}. */
    public void countErrorsIn(pdmbot.telemetry.CallErrors errors) {
        calls.countErrorsIn(errors);
        opsCalls.countErrorsIn(errors);
        adminCalls.ifPresent(c -> c.countErrorsIn(errors));
    }

    /** How many HTTP requests this world sent to the main instance so far (retries included). */
    public long requestsSent() {
        return calls.requestsSent();
    }

    @Override
    public void close() {
        api.close();
        if (opsApi != api) opsApi.close();
        adminApi.ifPresent(GitLabApi::close);
    }
}
