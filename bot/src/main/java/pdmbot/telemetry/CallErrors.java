package pdmbot.telemetry;

/**
 * Counts failed calls to a system outside the bot (GitLab, Slack) by what failed and how: an HTTP status
 * ({@code "429"}, {@code "503"}) or the kind of I/O failure ({@code "timeout"}, {@code "connection"}). The GitLab
 * client and the Slack poster call it; {@code /metrics} shows the counts.
 */
@FunctionalInterface
public interface CallErrors {

    /** One failed call: {@code method} is the API method or HTTP verb, {@code status} the HTTP status or failure kind. */
    void failed(String method, String status);

    CallErrors NONE = (method, status) -> { };
}
