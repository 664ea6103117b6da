package pdmbot.adapters.slack;

import java.util.Optional;
import pdmbot.http.HealthCheck;

/**
 * Whether Slack's Web API answered the bot's last call: refused connections, TLS failures and 5xx make it
 * degraded (with the reason, never the token) until a call gets an answer again. {@code /healthz} reports it.
 */
public final class SlackHealth implements HealthCheck {

    private volatile String problem;

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    void reached() {
        problem = null;
    }

    void unreachable(String method, String why) {
        problem = "Web API unreachable: " + method + " " + why;
    }
}
