package pdmbot.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The bot's configuration, bound from YAML ({@code config/pdm-bot.example.yaml} documents every key): one section
 * record per feature, each in its own file, each filling its own defaults, so an empty file is a working embedded
 * setup. Code and tests change a section with its {@code withX} method: {@code BotConfig.defaults().withRun(…)}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BotConfig(String data, StoreConfig store, WorldConfig world, RolesConfig roles, ConsoleConfig console,
                        RulesConfig rules, HttpConfig http, SlackConfig slack, DiscordConfig discord, RunConfig run,
                        DecideConfig decide, DurationsConfig durations, ScheduleConfig schedule, DeployConfig deploy,
                        GrafanaConfig grafana, TriageConfig triage) {

    public BotConfig {
        if (data == null || data.isBlank()) data = "data";
        if (store == null) store = new StoreConfig(null, null, null, null, null);
        if (world == null) world = new WorldConfig(null, null, null, null, null);
        if (roles == null) roles = new RolesConfig(null);
        if (console == null) console = new ConsoleConfig(null, null);
        if (rules == null) rules = new RulesConfig(null, null);
        if (http == null) http = new HttpConfig(null, null, null, null, null, null, null, null);
        if (slack == null) slack = new SlackConfig(null, null, null, null, null, null, null);
        if (discord == null) discord = new DiscordConfig(null, null, null, null);
        if (run == null) run = new RunConfig(null, null, null, null, null, null, null);
        if (decide == null) decide = DecideConfig.defaults();
        if (durations == null) durations = new DurationsConfig(null);
        if (schedule == null) schedule = new ScheduleConfig(null, null, null);
        if (deploy == null) deploy = new DeployConfig(null, null);
        if (grafana == null) grafana = new GrafanaConfig(null, null, null, null);
        if (triage == null) triage = new TriageConfig(null, null, null, null, null);
    }

    public static BotConfig defaults() {
        return new BotConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public BotConfig withData(String value) {
        return new BotConfig(value, store, world, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withStore(StoreConfig value) {
        return new BotConfig(data, value, world, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withWorld(WorldConfig value) {
        return new BotConfig(data, store, value, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withRoles(RolesConfig value) {
        return new BotConfig(data, store, world, value, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withConsole(ConsoleConfig value) {
        return new BotConfig(data, store, world, roles, value, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

<<<<<<< HEAD
    public BotConfig withRules(RulesConfig value) {
        return new BotConfig(data, store, world, roles, console, value, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
=======
    /**
     * GitLab connection; the tokens come from {@code token-env}/{@code token-file} and {@code ops-token-env}/
     * {@code ops-token-file}, never from this file. {@code ops-url} is the instance the deployer and QA pipelines
     * run on (empty: {@code url}); {@code package-convention} is {@code omnibus-tags} (GitLab.com: package tags in
     * {@code package-project}, code in {@code security-project}) or {@code code-tags} (package tags on {@code project}).
     */
    public record Gitlab(String url, String project, String securityProject, String productionProject,
                         String tokenEnv, String tokenFile, Integer timeoutSeconds, String releaseIssue,
                         String pdmPipelineProject, String pdmPipelineRef, String qaPipelineProject, String qaPipelineRef,
                         String opsUrl, String opsTokenEnv, String opsTokenFile, String packageConvention,
                         String packageProject, String defaultBranch, String incidentLabel, String changeLabel,
                         String blocksDeploymentsLabel, Integer retryAfterMaxSeconds) {

        /** Without {@code retry-after-max-seconds} (60 s). */
        public Gitlab(String url, String project, String securityProject, String productionProject,
                      String tokenEnv, String tokenFile, Integer timeoutSeconds, String releaseIssue,
                      String pdmPipelineProject, String pdmPipelineRef, String qaPipelineProject, String qaPipelineRef,
                      String opsUrl, String opsTokenEnv, String opsTokenFile, String packageConvention,
                      String packageProject, String defaultBranch, String incidentLabel, String changeLabel,
                      String blocksDeploymentsLabel) {
            this(url, project, securityProject, productionProject, tokenEnv, tokenFile, timeoutSeconds, releaseIssue,
                    pdmPipelineProject, pdmPipelineRef, qaPipelineProject, qaPipelineRef, opsUrl, opsTokenEnv,
                    opsTokenFile, packageConvention, packageProject, defaultBranch, incidentLabel, changeLabel,
                    blocksDeploymentsLabel, null);
        }

        /** The keys that existed first; the others take their defaults. */
        public Gitlab(String url, String project, String securityProject, String productionProject, String tokenEnv,
                      String tokenFile, Integer timeoutSeconds, String releaseIssue, String pdmPipelineProject,
                      String pdmPipelineRef, String qaPipelineProject, String qaPipelineRef) {
            this(url, project, securityProject, productionProject, tokenEnv, tokenFile, timeoutSeconds, releaseIssue,
                    pdmPipelineProject, pdmPipelineRef, qaPipelineProject, qaPipelineRef, null, null, null, null, null,
                    null, null, null, null, null);
        }

        public Gitlab {
            if (opsTokenEnv == null || opsTokenEnv.isBlank()) opsTokenEnv = "PDM_GITLAB_OPS_TOKEN";
            if (packageConvention == null || packageConvention.isBlank()) packageConvention = "omnibus-tags";
            if (!List.of("omnibus-tags", "code-tags").contains(packageConvention))
                throw new IllegalArgumentException("package-convention: must be omnibus-tags or code-tags, not '"
                        + packageConvention + "'");
            if (packageProject == null || packageProject.isBlank()) packageProject = "gitlab-org/security/omnibus-gitlab";
            if (defaultBranch == null || defaultBranch.isBlank()) defaultBranch = "master";
            if (incidentLabel == null || incidentLabel.isBlank()) incidentLabel = "Incident::Active";
            if (changeLabel == null || changeLabel.isBlank()) changeLabel = "change::in-progress";
            if (blocksDeploymentsLabel == null || blocksDeploymentsLabel.isBlank()) blocksDeploymentsLabel = "blocks deployments";
            if (pdmPipelineProject == null || pdmPipelineProject.isBlank()) pdmPipelineProject = "gitlab-com/gl-infra/deployer";
            if (pdmPipelineRef == null || pdmPipelineRef.isBlank()) pdmPipelineRef = "master";
            if (qaPipelineProject == null || qaPipelineProject.isBlank()) qaPipelineProject = "gitlab-org/quality/staging";
            if (qaPipelineRef == null || qaPipelineRef.isBlank()) qaPipelineRef = "master";
            if (url == null || url.isBlank()) url = "https://gitlab.com";
            if (project == null || project.isBlank()) project = "gitlab-org/gitlab";
            if (securityProject == null || securityProject.isBlank()) securityProject = "gitlab-org/security/gitlab";
            if (productionProject == null || productionProject.isBlank()) productionProject = "gitlab-com/gl-infra/production";
            if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "PDM_GITLAB_TOKEN";
            if (timeoutSeconds == null) timeoutSeconds = 20;
            if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout-seconds: must be a positive number of seconds");
            // the longest Retry-After a GitLab call waits for (a rate limit's period can be a minute)
            if (retryAfterMaxSeconds == null) retryAfterMaxSeconds = 60;
            if (retryAfterMaxSeconds < 0)
                throw new IllegalArgumentException("retry-after-max-seconds: must be 0 or a positive number of seconds");
        }
>>>>>>> main
    }

    public BotConfig withHttp(HttpConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, value, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withSlack(SlackConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, value, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withDiscord(DiscordConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, value, run, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withRun(RunConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, value, decide, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withDecide(DecideConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, value, durations,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withDurations(DurationsConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, decide, value,
                schedule, deploy, grafana, triage);
    }

    public BotConfig withSchedule(ScheduleConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations,
                value, deploy, grafana, triage);
    }

    public BotConfig withDeploy(DeployConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, value, grafana, triage);
    }

    public BotConfig withGrafana(GrafanaConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, value, triage);
    }

    public BotConfig withTriage(TriageConfig value) {
        return new BotConfig(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, value);
    }
}
