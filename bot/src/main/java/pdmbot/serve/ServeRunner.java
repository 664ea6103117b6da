package pdmbot.serve;

import pdmbot.http.HttpServer;
import pdmbot.http.Endpoint;

import com.slack.api.Slack;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.adapters.discord.DiscordAdapter;
import pdmbot.adapters.discord.DiscordInteractions;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.chat.ChatCore;
import pdmbot.config.BotConfig;
import pdmbot.config.Secrets;
import pdmbot.dashboard.DashboardAccess;
import pdmbot.dashboard.DashboardEndpoints;
import pdmbot.dashboard.DashboardSources;
import pdmbot.chat.interaction.Interactions;
import pdmbot.http.HealthCheck;
import pdmbot.http.HttpLimits;

/**
 * What {@code serve} starts: the HTTP server ({@code /healthz}, and {@code /slack/events} in Slack's HTTP
 * mode), Slack over Socket Mode, and Discord — each when enabled in the configuration.
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

    /**
     * What the bot adds to what the adapters serve: its own endpoints ({@code /metrics}), where Slack's call errors are
     * counted, and the dashboard's sources ({@code /dashboard}; null: no dashboard).
     */
    public record Extras(Map<String, Endpoint> endpoints, pdmbot.telemetry.CallErrors slackErrors, DashboardSources dashboard) {
        public static final Extras NONE = new Extras(Map.of(), pdmbot.telemetry.CallErrors.NONE, null);

        public Extras {
            endpoints = Map.copyOf(endpoints);
        }

        public Extras(Map<String, Endpoint> endpoints, pdmbot.telemetry.CallErrors slackErrors) {
            this(endpoints, slackErrors, null);
        }

        public Extras withDashboard(DashboardSources sources) {
            return new Extras(endpoints, slackErrors, sources);
        }
    }

    static HttpLimits limits(BotConfig.Http http) {
        return new HttpLimits(java.time.Duration.ofSeconds(http.idleTimeoutSeconds()),
                java.time.Duration.ofSeconds(http.headerTimeoutSeconds()), java.time.Duration.ofSeconds(http.bodyTimeoutSeconds()),
                http.maxHeaderBytes(), http.maxBodyBytes(), http.maxConnections(), HttpLimits.DEFAULTS.threads());
    }

    /**
     * Starts what the configuration enables; every adapter shares {@code interactions}, the composition root's one
     * interaction service, and subscribes to {@code announcements} when it has an announcements channel.
     */
    public static Serving start(BotConfig config, ChatCore core, Interactions interactions, String instance,
                                Map<String, String> environment, pdmbot.chat.AnnouncementHub announcements) throws IOException {
        return start(config, core, interactions, instance, environment, announcements, Extras.NONE);
    }

    /** As above with the dashboard ({@code /dashboard}) mounted on the HTTP server. */
    public static Serving start(BotConfig config, ChatCore core, Interactions interactions, String instance,
                                Map<String, String> environment, pdmbot.chat.AnnouncementHub announcements,
                                DashboardSources dashboard) throws IOException {
        return start(config, core, interactions, instance, environment, announcements, Extras.NONE.withDashboard(dashboard));
    }

    /** As above, with the bot's own endpoints mounted, Slack's call errors counted and the dashboard when given. */
    public static Serving start(BotConfig config, ChatCore core, Interactions interactions, String instance,
                                Map<String, String> environment, pdmbot.chat.AnnouncementHub announcements, Extras extras)
            throws IOException {
        return start(config, core, interactions, instance, environment,
                pdmbot.adapters.slack.SlackClients.withoutNagle(new com.slack.api.SlackConfig()), announcements, extras);
    }

    public static Serving start(BotConfig config, ChatCore core, Interactions interactions, String instance,
                                Map<String, String> environment, Slack slack, pdmbot.chat.AnnouncementHub announcements)
            throws IOException {
        return start(config, core, interactions, instance, environment, slack, announcements, Extras.NONE);
    }

    /** As above with the Slack client given (tests, bench) and the bot's extras. */
    public static Serving start(BotConfig config, ChatCore core, Interactions interactions, String instance,
                                Map<String, String> environment, Slack slack, pdmbot.chat.AnnouncementHub announcements,
                                Extras extras) throws IOException {
        DashboardSources dashboard = extras.dashboard();
        Clock clock = Clock.systemUTC();
        Secrets secrets = new Secrets(environment);
        List<HealthCheck> health = new ArrayList<>();
        List<AutoCloseable> parts = new ArrayList<>();
        Map<String, Endpoint> endpoints = new LinkedHashMap<>(extras.endpoints());
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
                adapter.countErrorsIn(extras.slackErrors());
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
            if (dashboard != null) {
                DashboardAccess access = DashboardAccess.of(config.http().bind(), secrets);
                if (!access.isOpen())
                    log.warn("the dashboard is shut: HTTP is bound to {} (not loopback) and {} is not set",
                            config.http().bind(), DashboardAccess.TOKEN_VARIABLE);
                endpoints.putAll(new DashboardEndpoints(dashboard::view, access).endpoints());
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
