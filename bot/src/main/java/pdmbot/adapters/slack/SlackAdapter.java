package pdmbot.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Interactions;
import pdmbot.http.Endpoint;

/**
 * Slack through Bolt: {@code /pdm <words>}, {@code @pdm-bot <words>} and clicks on the bot's buttons
 * all become {@link ChatRequest}s for the core. Every handler acknowledges at once and leaves the work
 * to a worker; each Slack event is handled once across retries and instances (the core's interaction service).
 * Transports: {@link #endpoint()} for HTTP mode, {@link #startSocketMode(String)} for Socket Mode.
 */
public final class SlackAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    public static final String PLATFORM = SlackRequests.PLATFORM;
    public static final String COMMAND = "/pdm";
    static final Pattern OUR_ACTIONS = Pattern.compile("^" + Pattern.quote(BlockKitRenderer.ACTION_PREFIX) + ".+");
    static final int WORKERS = 8;
    /** How often auth.test checks that the Web API answers, for /healthz. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(30);

    /**
     * @param teamId        when set, requests from any other workspace are refused
     * @param instance      this bot instance's name, recorded with each claimed event
     * @param progressAfter how long a command may run before a "working on it" message is posted
     */
    public record Settings(String signingSecret, String botToken, String teamId, String instance, Duration progressAfter) {
        public Settings {
            if (progressAfter == null) progressAfter = Duration.ofMillis(1500);
        }
    }

    private final Settings settings;
    private final App app;
    private final SlackSignatureCheck signatures;
    private final Interactions interactions;
    private final SlackHealth health = new SlackHealth();
    private final java.util.concurrent.ScheduledExecutorService prober;
    private final ExecutorService delivery;
    private final ExecutorService work;
    private final SlackReplies replies;
    private final SlackClicks clicks;
    private final Clock clock;
    private volatile SocketModeApp socketMode;
    private final SlackPoster poster;
    private final java.util.List<SlackAnnouncements> announcements = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SlackAdapter(Settings settings, Slack slack, Function<ChatRequest, Reply> core, Interactions interactions,
                        Clock clock) {
        this.settings = settings;
        this.interactions = interactions;
        this.clock = clock;
        this.signatures = new SlackSignatureCheck(settings.signingSecret(), clock);
        this.delivery = pool("pdm-slack-deliver");
        this.work = pool("pdm-slack-work");
        SlackPoster poster = new SlackPoster(slack, settings.botToken(), d -> Thread.sleep(d.toMillis()), health);
        this.poster = poster;
        this.replies = new SlackReplies(core, poster, interactions, work, settings.progressAfter());
        this.clicks = new SlackClicks(interactions, poster, replies, clock);
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .build();
        // Signatures are checked by SlackSignatureCheck before Bolt sees a request (see its Javadoc for why).
        config.setRequestVerificationEnabled(false);
        // No Bolt middleware: its SingleTeamAuthorization calls auth.test on the request path and answers 500 when
        // the Web API cannot be reached; the handlers here only ack, and SlackHealth probes auth.test on its own.
        this.app = new App(config, java.util.List.of());
        wire();
        this.prober = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdm-slack-probe");
            t.setDaemon(true);
            return t;
        });
        prober.scheduleWithFixedDelay(() -> {
            try {
                poster.probe();
            } catch (RuntimeException e) {
                log.warn("probing Slack's Web API: {}", e.toString());
            }
        }, 0, PROBE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private static ExecutorService pool(String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private void wire() {
        app.command(COMMAND, (req, ctx) -> {
            if (isOtherWorkspace(req.getPayload().getTeamId()))
                return ctx.ack(r -> r.responseType("ephemeral").text("This pdm-bot serves another workspace."));
            String timestamp = req.getHeaders().getFirstValue(SlackSignatureCheck.TIMESTAMP_HEADER);
            ChatRequest request = SlackRequests.fromSlashCommand(req.getPayload(),
                    timestamp == null ? Long.toString(clock.instant().getEpochSecond()) : timestamp,
                    req.getRequestBodyAsString(), clock.instant());
            SlackReplies.Target target = new SlackReplies.Target(req.getPayload().getChannelId(), null,
                    req.getPayload().getUserId(), req.getPayload().getResponseUrl());
            later(request, () -> replies.answer(request, target));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (EventsApiPayload<AppMentionEvent> payload, com.slack.api.bolt.context.builtin.EventContext ctx) -> {
            if (isOtherWorkspace(payload.getTeamId())) return ctx.ack();
            ChatRequest request = SlackRequests.fromMention(payload, clock.instant());
            SlackReplies.Target target = new SlackReplies.Target(request.channel(), request.thread(), request.userId(), null);
            later(request, () -> replies.answer(request, target));
            return ctx.ack();
        });
        app.blockAction(OUR_ACTIONS, (req, ctx) -> {
            if (req.getPayload().getTeam() != null && isOtherWorkspace(req.getPayload().getTeam().getId())) return ctx.ack();
            String eventId = SlackRequests.clickEventId(req.getPayload());
            delivery.submit(() -> {
                if (claimed(eventId) && !clicks.clicked(req.getPayload(), eventId))
                    interactions.release(PLATFORM, eventId);
            });
            return ctx.ack();
        });
    }

    /** True when {@code slack.team-id} is set and {@code team} is another workspace; such requests are refused. */
    private boolean isOtherWorkspace(String team) {
        boolean other = settings.teamId() != null && !settings.teamId().isBlank() && !settings.teamId().equals(team);
        if (other) log.warn("refused a request from the unknown workspace {}", team);
        return other;
    }

    /** Runs {@code task} on a worker unless another instance (or a Slack retry) already took this event. */
    private void later(ChatRequest request, Runnable task) {
        delivery.submit(() -> {
            if (claimed(request.eventId())) task.run();
        });
    }

    private boolean claimed(String eventId) {
        return interactions.claim(PLATFORM, eventId) instanceof Interactions.Claimed;
    }

    /** Counts every failed Slack call (Web API and response_url) in {@code errors}, for {@code /metrics}. */
    public void countErrorsIn(pdmbot.telemetry.CallErrors errors) {
        poster.countErrorsIn(errors);
    }

    /** Whether Slack's Web API answers, for {@code /healthz}. */
    public SlackHealth health() {
        return health;
    }

    /** Bolt's app, for tests that drive its core directly. */
    public App app() {
        return app;
    }

    /** The HTTP-mode endpoint for {@code /slack/events}: signature check first, then Bolt. */
    /** Announcements posted to {@code channel}, one thread per topic; closed with the adapter. */
    public pdmbot.chat.Announcements announcementsTo(String channel) {
        SlackAnnouncements channelAnnouncements = new SlackAnnouncements(poster, channel, interactions);
        announcements.add(channelAnnouncements);
        return channelAnnouncements;
    }

    public Endpoint endpoint() {
        return new SlackEventsEndpoint(signatures, app);
    }

    /** Connects to Slack over Socket Mode with the {@code xapp-} token; returns at once. */
    public void startSocketMode(String appToken) throws Exception {
        SocketModeApp socket = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        socket.startAsync();
        this.socketMode = socket;
    }

    @Override
    public void close() {
        prober.shutdownNow();
        announcements.forEach(SlackAnnouncements::close);
        SocketModeApp socket = socketMode;
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                log.warn("closing Socket Mode: {}", e.toString());
            }
        }
        delivery.shutdown();
        work.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.shutdownNow();
        work.shutdownNow();
    }

}
