package pdmbot.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The bot's configuration, bound from YAML ({@code config/pdm-bot.example.yaml} documents every key).
 * Every record fills its defaults, so an empty file is a working embedded setup.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BotConfig(String data, Store store, World world, Roles roles, Console console, Rules rules,
                        Http http, Slack slack, Discord discord, Run run, DecideConfig decide, Durations durations,
                        Schedule schedule, DeployConfig deploy, Grafana grafana, Triage triage) {

    public BotConfig {
        if (data == null || data.isBlank()) data = "data";
        if (store == null) store = new Store(null, null, null, null, null);
        if (world == null) world = new World(null, null, null, null, null);
        if (roles == null) roles = new Roles(null);
        if (console == null) console = new Console(null, null);
        if (rules == null) rules = new Rules(null, null);
        if (http == null) http = new Http(null, null);
        if (slack == null) slack = new Slack(null, null, null, null, null, null, null);
        if (discord == null) discord = new Discord(null, null, null, null);
        if (run == null) run = new Run(null, null, null, null, null, null);
        if (decide == null) decide = DecideConfig.defaults();
        if (durations == null) durations = new Durations(null);
        if (schedule == null) schedule = new Schedule(null, null, null);
        if (deploy == null) deploy = new DeployConfig(null, null);
        if (grafana == null) grafana = new Grafana(null, null, null, null);
        if (triage == null) triage = new Triage(null, null, null, null, null);
    }

    /** Without the failure triage's section (issue 15; its defaults): the shape after issue 17. */
    public BotConfig(String data, Store store, World world, Roles roles, Console console, Rules rules, Http http, Slack slack,
                     Discord discord, Run run, DecideConfig decide, Durations durations, Schedule schedule, DeployConfig deploy,
                     Grafana grafana) {
        this(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations, schedule, deploy, grafana,
                null);
    }

    /** Without {@code deploy} (issue 16; its defaults: GitLab.com's chain) and {@code grafana} (issue 17). */
    public BotConfig(String data, Store store, World world, Roles roles, Console console, Rules rules, Http http, Slack slack,
                     Discord discord, Run run, DecideConfig decide, Durations durations, Schedule schedule) {
        this(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations, schedule, null, null, null);
    }

    /** Without Grafana annotations (issue 17): the shape after issue 16. */
    public BotConfig(String data, Store store, World world, Roles roles, Console console, Rules rules, Http http, Slack slack,
                     Discord discord, Run run, DecideConfig decide, Durations durations, Schedule schedule, DeployConfig deploy) {
        this(data, store, world, roles, console, rules, http, slack, discord, run, decide, durations, schedule, deploy, null, null);
    }

    /** Without the sections issue 14 and issue 17 added (their defaults): the shape before them. */
    public BotConfig(String data, Store store, World world, Roles roles, Console console, Rules rules, Http http, Slack slack,
                     Discord discord, Run run) {
        this(data, store, world, roles, console, rules, http, slack, discord, run, null, null, null, null, null, null);
    }

    public static BotConfig defaults() {
        return new BotConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public BotConfig withData(String folder) {
        return new BotConfig(folder, store, world, roles, console, rules, http, slack, discord, run, decide, durations, schedule,
                deploy, grafana, triage);
    }

    public BotConfig withWorld(World value) {
        return new BotConfig(data, store, value, roles, console, rules, http, slack, discord, run, decide, durations, schedule,
                deploy, grafana, triage);
    }

    /**
     * The failure triage (issue 15): whom "request support" names, which GitLab usernames count as database maintainers
     * (an approver among them is the migration's database reviewer), and when an unanswered triage is reminded.
     */
    public record Triage(String onCall, String devEscalation, List<String> databaseMaintainers, Integer remindAfterMinutes,
                         Integer snoozeMinutes) {
        public Triage {
            if (onCall == null || onCall.isBlank()) onCall = "@sre-oncall";
            if (devEscalation == null || devEscalation.isBlank()) devEscalation = "@dev-escalation";
            databaseMaintainers = databaseMaintainers == null ? null : List.copyOf(databaseMaintainers);
            if (remindAfterMinutes == null) remindAfterMinutes = 30;
            if (remindAfterMinutes <= 0) throw new IllegalArgumentException("remind-after-minutes: must be a positive number of minutes");
            if (snoozeMinutes == null) snoozeMinutes = 60;
            if (snoozeMinutes <= 0) throw new IllegalArgumentException("snooze-minutes: must be a positive number of minutes");
        }
    }

    /** Where the bot keeps its state: {@code h2} in the data folder, or a shared {@code postgres}. */
    public record Store(String kind, String postgresUrl, String postgresUser, String postgresPasswordEnv,
                        String postgresPasswordFile) {
        public Store {
            if (kind == null || kind.isBlank()) kind = "h2";
            if (!List.of("h2", "postgres").contains(kind))
                throw new IllegalArgumentException("kind: must be h2 or postgres, not '" + kind + "'");
            if (postgresPasswordEnv == null || postgresPasswordEnv.isBlank()) postgresPasswordEnv = "PDM_PG_PASSWORD";
        }
    }

    /** What the bot looks at: the generated {@code demo}, a local {@code git} checkout, or {@code gitlab}. */
    public record World(String kind, Long demoSeed, String repo, String refPattern, Gitlab gitlab) {
        public World {
            if (kind == null || kind.isBlank()) kind = "demo";
            if (!List.of("demo", "git", "gitlab").contains(kind))
                throw new IllegalArgumentException("kind: must be demo, git or gitlab, not '" + kind + "'");
            if (demoSeed == null) demoSeed = 20231101L;
            if (gitlab == null) gitlab = new Gitlab(null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

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
                         String blocksDeploymentsLabel, String pdmPipelineOnlyVariable) {

        /** The keys before {@code pdm-pipeline-only-variable}; it takes its default. */
        public Gitlab(String url, String project, String securityProject, String productionProject, String tokenEnv,
                      String tokenFile, Integer timeoutSeconds, String releaseIssue, String pdmPipelineProject,
                      String pdmPipelineRef, String qaPipelineProject, String qaPipelineRef, String opsUrl, String opsTokenEnv,
                      String opsTokenFile, String packageConvention, String packageProject, String defaultBranch,
                      String incidentLabel, String changeLabel, String blocksDeploymentsLabel) {
            this(url, project, securityProject, productionProject, tokenEnv, tokenFile, timeoutSeconds, releaseIssue,
                    pdmPipelineProject, pdmPipelineRef, qaPipelineProject, qaPipelineRef, opsUrl, opsTokenEnv, opsTokenFile,
                    packageConvention, packageProject, defaultBranch, incidentLabel, changeLabel, blocksDeploymentsLabel, null);
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
            // this project's convention, not GitLab's: see GitLabSettings.Pipelines#onlyVariable
            if (pdmPipelineOnlyVariable == null || pdmPipelineOnlyVariable.isBlank()) pdmPipelineOnlyVariable = "PDM_MIGRATION_VERSIONS";
            if (!pdmPipelineOnlyVariable.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new IllegalArgumentException("pdm-pipeline-only-variable: must be a CI variable name (letters, digits, _), not '"
                        + pdmPipelineOnlyVariable + "'");
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
        }
    }

    /** Release managers per platform, by the platform's user id. */
    public record Roles(Map<String, List<String>> releaseManagers) {
        public Roles {
            releaseManagers = releaseManagers == null ? Map.of() : Map.copyOf(releaseManagers);
        }
    }

    /** The local console user; a release manager by default so the demo can be tried end to end. */
    public record Console(String user, Boolean releaseManager) {
        public Console {
            if (user == null || user.isBlank()) user = System.getProperty("user.name", "local");
            if (releaseManager == null) releaseManager = true;
        }
    }

    /** Extra .drl files (loaded after the built-in ones) and the table sizes file. */
    public record Rules(String folder, String tableSizes) {
    }

    /** The HTTP server of {@code serve}: health and the Slack endpoint, with the limits a client gets. */
    public record Http(String bind, Integer port, Integer idleTimeoutSeconds, Integer headerTimeoutSeconds,
                       Integer bodyTimeoutSeconds, Integer maxHeaderBytes, Integer maxBodyBytes, Integer maxConnections) {
        public Http {
            if (bind == null || bind.isBlank()) bind = "127.0.0.1";
            if (port == null) port = 8080;
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port: must be a port between 0 and 65535");
            if (idleTimeoutSeconds == null) idleTimeoutSeconds = 30;
            if (headerTimeoutSeconds == null) headerTimeoutSeconds = 10;
            if (bodyTimeoutSeconds == null) bodyTimeoutSeconds = 10;
            if (maxHeaderBytes == null) maxHeaderBytes = 16 * 1024;
            if (maxBodyBytes == null) maxBodyBytes = 1 << 20;
            if (maxConnections == null) maxConnections = 2000;
            if (idleTimeoutSeconds < 1) throw new IllegalArgumentException("idle-timeout-seconds: must be at least 1");
            if (headerTimeoutSeconds < 1) throw new IllegalArgumentException("header-timeout-seconds: must be at least 1");
            if (bodyTimeoutSeconds < 1) throw new IllegalArgumentException("body-timeout-seconds: must be at least 1");
            if (maxHeaderBytes < 1024) throw new IllegalArgumentException("max-header-bytes: must be at least 1024");
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("max-body-bytes: must be at least 1024");
            if (maxConnections < 1) throw new IllegalArgumentException("max-connections: must be at least 1");
        }

        public Http(String bind, Integer port) {
            this(bind, port, null, null, null, null, null, null);
        }
    }

    /** Slack; secrets by environment variable name or file. */
    public record Slack(Boolean enabled, String mode, String signingSecretEnv, String botTokenEnv, String appTokenEnv,
                        String announcementsChannel, String teamId) {
        public Slack {
            if (enabled == null) enabled = false;
            if (mode == null || mode.isBlank()) mode = "http";
            if (!List.of("http", "socket").contains(mode))
                throw new IllegalArgumentException("mode: must be http or socket, not '" + mode + "'");
            if (signingSecretEnv == null || signingSecretEnv.isBlank()) signingSecretEnv = "SLACK_SIGNING_SECRET";
            if (botTokenEnv == null || botTokenEnv.isBlank()) botTokenEnv = "SLACK_BOT_TOKEN";
            if (appTokenEnv == null || appTokenEnv.isBlank()) appTokenEnv = "SLACK_APP_TOKEN";
        }
    }

    /** Discord; the bot token by environment variable name. */
    public record Discord(Boolean enabled, String tokenEnv, List<String> guilds, String announcementsChannel) {
        public Discord {
            if (enabled == null) enabled = false;
            if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "DISCORD_TOKEN";
            guilds = guilds == null ? List.of() : List.copyOf(guilds);
        }
    }

    /**
     * The PDM run: resume an unfinished run on start, or ask a release manager to; how often pipelines are polled;
     * after how long without a heartbeat another instance may take a run over; the production change-lock calendar.
     */
    public record Run(String onUnfinished, Integer demoSecondsPerMigration, Integer pollSeconds, Integer leaseSeconds,
                      List<ChangeLockWindow> changeLocks, List<RunTarget> targets) {

        /** The environments a run migrates by default, in order: gstg with QA after it, then gprd. */
        public static final List<RunTarget> DEFAULT_TARGETS = List.of(new RunTarget("gstg", true, false), new RunTarget("gprd", false, false));

        public Run(String onUnfinished, Integer demoSecondsPerMigration, Integer pollSeconds, Integer leaseSeconds,
                   List<ChangeLockWindow> changeLocks) {
            this(onUnfinished, demoSecondsPerMigration, pollSeconds, leaseSeconds, changeLocks, null);
        }

        public Run {
            if (onUnfinished == null || onUnfinished.isBlank()) onUnfinished = "ask";
            if (!List.of("ask", "resume").contains(onUnfinished))
                throw new IllegalArgumentException("on-unfinished: must be ask or resume, not '" + onUnfinished + "'");
            if (demoSecondsPerMigration == null) demoSecondsPerMigration = 0;
            if (demoSecondsPerMigration < 0)
                throw new IllegalArgumentException("demo-seconds-per-migration: must be 0 or more seconds");
            if (pollSeconds == null) pollSeconds = 10;
            if (pollSeconds <= 0) throw new IllegalArgumentException("poll-seconds: must be a positive number of seconds");
            if (leaseSeconds == null) leaseSeconds = 300;
            if (leaseSeconds <= 0) throw new IllegalArgumentException("lease-seconds: must be a positive number of seconds");
            changeLocks = changeLocks == null ? List.of() : List.copyOf(changeLocks);
            targets = targets == null || targets.isEmpty() ? DEFAULT_TARGETS : List.copyOf(targets);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < targets.size(); i++)
                if (!seen.add(targets.get(i).environment()))
                    throw new IllegalArgumentException("targets[" + i + "].environment: " + targets.get(i).environment()
                            + " is listed twice; each environment is migrated once per run");
            if (targets.stream().allMatch(RunTarget::skip))
                throw new IllegalArgumentException("targets: every target is skipped; a run needs at least one environment");
        }
    }

    /**
     * Grafana annotations of each run and each executed migration (issue 17): off unless {@code url} is set; the
     * service-account token comes from the {@code token-env} variable (or its _FILE); {@code dashboard-uid}, when set,
     * ties them to one dashboard, else they are organization annotations any dashboard can show by tag.
     */
    public record Grafana(String url, String tokenEnv, String dashboardUid, Integer timeoutSeconds) {
        public Grafana {
            if (url != null && url.isBlank()) url = null;
            if (url != null && !url.matches("https?://.+"))
                throw new IllegalArgumentException("url: must start with http:// or https://, not '" + url + "'");
            if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "PDM_GRAFANA_TOKEN";
            if (dashboardUid != null && dashboardUid.isBlank()) dashboardUid = null;
            if (timeoutSeconds == null) timeoutSeconds = 5;
            if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout-seconds: must be a positive number of seconds");
        }

        public boolean isEnabled() {
            return url != null;
        }
    }

    /**
     * One environment a PDM run migrates, in the order listed: {@code environment} is a database environment (gstg or
     * gprd), {@code qa} runs the QA pipeline against it afterwards, {@code skip} leaves it out of new runs.
     */
    public record RunTarget(String environment, Boolean qa, Boolean skip) {
        public static final List<String> ENVIRONMENTS = List.of("gstg", "gprd");

        public RunTarget {
            if (environment == null || environment.isBlank())
                throw new IllegalArgumentException("environment: is required (one of " + String.join(", ", ENVIRONMENTS) + ")");
            if (!ENVIRONMENTS.contains(environment))
                throw new IllegalArgumentException("environment: '" + environment + "' has no post-deploy migrations to run;"
                        + " expected one of " + String.join(", ", ENVIRONMENTS));
            if (qa == null) qa = false;
            if (skip == null) skip = false;
        }
    }

    /** A production change-lock window: ISO-8601 instants with an offset, e.g. {@code 2026-12-23T00:00:00Z}. */
    public record ChangeLockWindow(String name, String from, String until, String reason) {
        public ChangeLockWindow {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("name: a change lock needs a name");
            java.time.Instant start = instant("from", from);
            java.time.Instant end = instant("until", until);
            if (!end.isAfter(start)) throw new IllegalArgumentException("until: must be after from (" + from + ")");
            if (reason == null) reason = "";
        }

        private static java.time.Instant instant(String key, String text) {
            if (text == null || text.isBlank()) throw new IllegalArgumentException(key + ": is required (e.g. 2026-12-23T00:00:00Z)");
            try {
                return java.time.OffsetDateTime.parse(text.trim()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": '" + text + "' is not a date-time like 2026-12-23T00:00:00Z");
            }
        }

        public java.time.Instant fromInstant() {
            return instant("from", from);
        }

        public java.time.Instant untilInstant() {
            return instant("until", until);
        }
    }

    /**
     * Predicted durations of post-deploy migrations: {@code default-minutes} per nature replaces the built-in guess
     * used when nothing similar ran before (see {@code pdmbot.durations.DefaultDurations}).
     */
    public record Durations(Map<String, Integer> defaultMinutes) {
        public static final List<String> NATURES = List.of("sidekiq_only", "large_index_or_fk", "ddl_cleanup",
                "dml_inline", "finalize_background", "noop", "unknown");

        public Durations {
            defaultMinutes = defaultMinutes == null ? Map.of() : Map.copyOf(defaultMinutes);
            for (Map.Entry<String, Integer> e : defaultMinutes.entrySet()) {
                if (!NATURES.contains(e.getKey()))
                    throw new IllegalArgumentException("default-minutes." + e.getKey() + ": not a nature; expected one of "
                            + String.join(", ", NATURES));
                if (e.getValue() == null || e.getValue() < 0)
                    throw new IllegalArgumentException("default-minutes." + e.getKey() + ": must be 0 or more minutes");
            }
        }
    }

    /**
     * Scheduled runs: {@code suggest} only answers ({@code pdm schedule}); {@code propose} posts a proposal with
     * Confirm / Skip to the announcements channel when a group's window opens; {@code auto} runs the groups whose
     * nature is in {@code auto-natures} without a click (announced, same checks) and proposes the others.
     * {@code lookahead-days} is how far ahead windows are planned.
     */
    public record Schedule(String mode, List<String> autoNatures, Integer lookaheadDays) {
        public static final List<String> MODES = List.of("suggest", "propose", "auto");

        public Schedule {
            if (mode == null || mode.isBlank()) mode = "suggest";
            if (!MODES.contains(mode))
                throw new IllegalArgumentException("mode: must be suggest, propose or auto, not '" + mode + "'");
            autoNatures = autoNatures == null ? List.of() : List.copyOf(autoNatures);
            for (int i = 0; i < autoNatures.size(); i++)
                if (!Durations.NATURES.contains(autoNatures.get(i)))
                    throw new IllegalArgumentException("auto-natures[" + i + "]: '" + autoNatures.get(i)
                            + "' is not a nature; expected one of " + String.join(", ", Durations.NATURES));
            if (lookaheadDays == null) lookaheadDays = 7;
            if (lookaheadDays < 1 || lookaheadDays > 31)
                throw new IllegalArgumentException("lookahead-days: must be between 1 and 31");
        }
    }
}
