package pdmbot.serve;

import pdmbot.http.HttpServer;
import pdmbot.http.Endpoint;

import com.slack.api.Slack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.adapters.discord.DiscordAdapter;
import pdmbot.adapters.discord.DiscordInteractions;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.chat.ChatCore;
import pdmbot.config.BotConfig;
import pdmbot.config.Secrets;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.chat.interaction.Interactions;
import pdmbot.http.HealthCheck;
import pdmbot.http.HttpLimits;
import pdmbot.storage.dialogues.JdbcDialogueStore;
import pdmbot.storage.events.JdbcChatButtonStore;
import pdmbot.storage.events.JdbcChatEventStore;

/**
 * What {@code serve} starts: the HTTP server ({@code /healthz}, and {@code /slack/events} in Slack's HTTP
 * mode), Slack over Socket Mode, and Discord — each when enabled in the configuration. The data source
 * must be migrated (it holds {@code chat_events} and {@code chat_buttons}).
 */
public final class ServeRunner {

    private static final Logger log = LoggerFactory.getLogger(ServeRunner.class);

    /** What is running; closing it stops everything in reverse order. */
    public static final class Serving implements AutoCloseable {
        private final List<AutoCloseable> parts;
        private final HttpServer http;

        Serving(List<AutoCloseable> parts, HttpServer http) {
            this.parts = parts;
            this.http = http;
        }

        public int httpPort() {
            return http.port();
        }

        @Override
        public void close() {
            for (int i = parts.size() - 1; i >= 0; i--) {
                try {
                    parts.get(i).close();
                } catch (Exception e) {
                    log.warn("stopping {}: {}", parts.get(i).getClass().getSimpleName(), e.toString());
                }
            }
        }
    }

    private ServeRunner() {
    }

    /** The one interaction service every adapter of this process shares, on the bot's database. */
    public static Interactions interactions(DataSource dataSource, String instance, Clock clock) {
        return new Interactions(new JdbcChatEventStore(dataSource, clock), new JdbcChatButtonStore(dataSource, clock),
                new Dialogues(new JdbcDialogueStore(dataSource, clock), clock), instance, clock);
    }

    static HttpLimits limits(BotConfig.Http http) {
        return new HttpLimits(java.time.Duration.ofSeconds(http.idleTimeoutSeconds()),
                java.time.Duration.ofSeconds(http.headerTimeoutSeconds()), java.time.Duration.ofSeconds(http.bodyTimeoutSeconds()),
                http.maxHeaderBytes(), http.maxBodyBytes(), http.maxConnections(), HttpLimits.DEFAULTS.threads());
    }

    public static Serving start(BotConfig config, ChatCore core, DataSource dataSource, Map<String, String> environment)
            throws IOException {
        return start(config, core, dataSource, environment, Slack.getInstance(), Clock.systemUTC());
    }

    /** As above, and subscribes each adapter with an announcements channel configured to {@code announcements}. */
    public static Serving start(BotConfig config, ChatCore core, DataSource dataSource, Map<String, String> environment,
                                pdmbot.chat.AnnouncementHub announcements) throws IOException {
        return start(config, core, dataSource, environment, Slack.getInstance(), Clock.systemUTC(), announcements);
    }

    public static Serving start(BotConfig config, ChatCore core, DataSource dataSource, Map<String, String> environment,
                                Slack slack, Clock clock) throws IOException {
        return start(config, core, dataSource, environment, slack, clock, null);
    }

    /** As {@link #start(BotConfig, ChatCore, DataSource, Map)} with the Slack client and clock given (tests, bench). */
    public static Serving start(BotConfig config, ChatCore core, DataSource dataSource, Map<String, String> environment,
                                Slack slack, Clock clock, pdmbot.chat.AnnouncementHub announcements) throws IOException {
        Secrets secrets = new Secrets(environment);
        String instance = ManagementFactory.getRuntimeMXBean().getName();
        Interactions interactions = interactions(dataSource, instance, clock);
        List<HealthCheck> health = new ArrayList<>();
        List<AutoCloseable> parts = new ArrayList<>();
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        try {
            BotConfig.Slack slackConfig = config.slack();
            if (slackConfig.enabled()) {
                SlackAdapter.Settings settings = new SlackAdapter.Settings(
                        "socket".equals(slackConfig.mode())
                                ? secrets.read(slackConfig.signingSecretEnv(), null).orElse("unused-in-socket-mode")
                                : secrets.require(slackConfig.signingSecretEnv(), null, "Slack (HTTP mode)"),
                        secrets.require(slackConfig.botTokenEnv(), null, "Slack"),
                        slackConfig.teamId(), instance, null);
                SlackAdapter adapter = new SlackAdapter(settings, slack, core::handle, interactions, clock);
                parts.add(adapter);
                health.add(adapter.health());
                if (announcements != null && slackConfig.announcementsChannel() != null && !slackConfig.announcementsChannel().isBlank()) {
                    pdmbot.chat.Announcements channel = adapter.announcementsTo(slackConfig.announcementsChannel());
                    announcements.subscribe(channel);
                    parts.add(() -> announcements.unsubscribe(channel));
                }
                if ("socket".equals(slackConfig.mode())) {
                    adapter.startSocketMode(secrets.require(slackConfig.appTokenEnv(), null, "Slack Socket Mode"));
                    log.info("Slack: Socket Mode connecting");
                } else {
                    endpoints.put("/slack/events", adapter.endpoint());
                }
            }
            BotConfig.Discord discordConfig = config.discord();
            if (discordConfig.enabled()) {
                DiscordInteractions discord = new DiscordInteractions(core::handle, interactions,
                        new HashSet<>(discordConfig.guilds()), clock);
                DiscordAdapter adapter = new DiscordAdapter(discord, discordConfig.guilds(), false);
                parts.add(adapter);
                if (announcements != null && discordConfig.announcementsChannel() != null && !discordConfig.announcementsChannel().isBlank()) {
                    pdmbot.chat.Announcements channel = adapter.announcementsTo(discordConfig.announcementsChannel());
                    announcements.subscribe(channel);
                    parts.add(() -> announcements.unsubscribe(channel));
                }
                adapter.start(secrets.require(discordConfig.tokenEnv(), null, "Discord"));
                log.info("Discord: connecting; /pdm in guilds {}", discordConfig.guilds());
            }
            HttpServer http = HttpServer.start(config.http().bind(), config.http().port(), limits(config.http()), endpoints, health);
            parts.add(http);
            return new Serving(parts, http);
        } catch (RuntimeException e) {
            new Serving(parts, null).close();
            throw e;
        } catch (Exception e) {
            new Serving(parts, null).close();
            throw new IllegalStateException("could not start the chat adapters: " + e.getMessage(), e);
        }
    }
}
