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

    public BotConfig withRules(RulesConfig value) {
        return new BotConfig(data, store, world, roles, console, value, http, slack, discord, run, decide, durations,
                schedule, deploy, grafana, triage);
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
