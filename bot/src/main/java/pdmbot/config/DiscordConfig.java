package pdmbot.config;

import java.util.List;

/** Discord; the bot token by environment variable name. */
public record DiscordConfig(Boolean enabled, String tokenEnv, List<String> guilds, String announcementsChannel) {
    public DiscordConfig {
        if (enabled == null) enabled = false;
        if (tokenEnv == null || tokenEnv.isBlank()) tokenEnv = "DISCORD_TOKEN";
        guilds = guilds == null ? List.of() : List.copyOf(guilds);
    }
}
