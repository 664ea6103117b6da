package pdmbot.world.gitlab;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final GitLabSettings settings;
    private final GitLabPackageSource packages;
    private final GitLabDeployments deployments;
    private final GitLabDatabaseState databases;
    private final Optional<ReleaseNotes> releaseNotes;
    private final Operations operations;

    private GitLabWorld(GitLabApi api, GitLabApi opsApi, GitLabSettings settings, RetryPolicy retry, Sleeper sleeper,
                        Clock clock) {
        this.api = api;
        this.opsApi = opsApi;
        this.settings = settings;
        GitLabCalls calls = new GitLabCalls(retry, sleeper, RandomGenerator.getDefault(), settings.timeout(),
                settings.tokenSource(), settings.token());
        Map<String, GitLabRepository> repositories = new ConcurrentHashMap<>();
        GitLabRepository canonical = new GitLabRepository(api, calls, settings.project());
        repositories.put(settings.project(), canonical);
        DeploymentHistory history = new DeploymentHistory(api, calls);
        this.packages = new GitLabPackageSource(canonical, settings.tagPattern());
        this.deployments = new GitLabDeployments(packages, history, settings.project());
        this.databases = new GitLabDatabaseState(history, List.of(settings.project(), settings.securityProject()),
                project -> repositories.computeIfAbsent(project, p -> new GitLabRepository(api, calls, p)), clock);
        GitLabJson json = new GitLabJson(api, calls);
        GitLabProductionIssues production = new GitLabProductionIssues(json, settings.productionProject(),
                settings.tracker());
        GitLabSettings.Pipelines p = settings.pipelines();
        // the deployer and QA pipelines may live on another instance (GitLab.com's run on its ops instance)
        GitLabJson opsJson = opsApi == api ? json : new GitLabJson(opsApi, new GitLabCalls(retry, sleeper,
                RandomGenerator.getDefault(), settings.timeout(), settings.opsTokenSource(), settings.opsToken()));
        this.operations = new Operations(
                new GitLabRunningDeployments(json, List.of(settings.project(), settings.securityProject())),
                production, production,
                new GitLabPipelineRunner(new GitLabPipelines(opsApi, opsJson, p.pdmProject(), p.pdmRef())),
                new GitLabQaPipelines(new GitLabPipelines(opsApi, opsJson, p.qaProject(), p.qaRef())),
                new GitLabDeploymentRecords(api, json, settings), new GitLabMergeRequestUpdates(json));
        this.releaseNotes = settings.releaseIssue().map(ReleaseIssue::parse)
                .map(issue -> new GitLabReleaseNotes(api, calls, settings.url(), issue));
    }

    public static GitLabWorld open(GitLabSettings settings) {
        return open(settings, RetryPolicy.DEFAULT, Sleeper.THREAD, Clock.systemUTC());
    }

    public static GitLabWorld open(GitLabSettings settings, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        GitLabApi api = client(settings.url(), settings.token(), settings);
        GitLabApi opsApi = settings.hasSeparateOps() ? client(settings.opsUrl(), settings.opsToken(), settings) : api;
        return new GitLabWorld(api, opsApi, settings, retry, sleeper, clock);
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

    public String description() {
        return "the GitLab project " + settings.project() + " at " + settings.url();
    }

    @Override
    public void close() {
        api.close();
        if (opsApi != api) opsApi.close();
    }
}
