/**
 * The ports through which the bot's features report what {@code /metrics} counts (failed outside calls, scheduler
 * proposals, triage answers). They depend on nothing, so the GitLab client, the Slack adapter and the scheduler can
 * report without depending on the metrics feature, which depends on them.
 */
package pdmbot.telemetry;
