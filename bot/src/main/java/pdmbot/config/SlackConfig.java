package pdmbot.config;

import java.util.List;

/** Slack; secrets by environment variable name or file. */
public record SlackConfig(Boolean enabled, String mode, String signingSecretEnv, String botTokenEnv, String appTokenEnv,
                          String announcementsChannel, String teamId) {
    public SlackConfig {
        if (enabled == null) enabled = false;
        if (mode == null || mode.isBlank()) mode = "http";
        if (!List.of("http", "socket").contains(mode))
            throw new IllegalArgumentException("mode: must be http or socket, not '" + mode + "'");
        if (signingSecretEnv == null || signingSecretEnv.isBlank()) signingSecretEnv = "SLACK_SIGNING_SECRET";
        if (botTokenEnv == null || botTokenEnv.isBlank()) botTokenEnv = "SLACK_BOT_TOKEN";
        if (appTokenEnv == null || appTokenEnv.isBlank()) appTokenEnv = "SLACK_APP_TOKEN";
    }
}
