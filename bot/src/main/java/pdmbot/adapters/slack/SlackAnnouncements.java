package pdmbot.adapters.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.interaction.Interactions;
import pdmbot.chat.interaction.LiveMessages;
import pdmbot.chat.Reply;

/**
 * Announcements in the configured Slack channel: the first message of a topic (a run, a package) in the
 * channel, the following ones in its thread. Posted in order on one thread of their own, so a slow or
 * rate-limited Slack never holds up the run that announces.
 */
final class SlackAnnouncements implements Announcements, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAnnouncements.class);
    /** Topics whose thread is remembered; older ones start a new thread. */
    static final int REMEMBERED_TOPICS = 200;

    private final SlackPoster poster;
    private final String channel;
    private final BlockKitRenderer renderer = new BlockKitRenderer(button -> "");
    /** Renders a proposal's buttons, each stored for anyone in the channel to click once. */
    private final BlockKitRenderer proposals;
    /** Renders a live message's buttons with ids the interaction core issued; null: live messages lose them too. */
    private final BlockKitRenderer liveRenderer;
    /** The ts of each live message (a triage's summary), kept with its dialogue, to edit it in place with chat.update. */
    private final LiveMessages live;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdm-slack-announce");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> threads = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TOPICS;
        }
    };

    SlackAnnouncements(SlackPoster poster, String channel) {
        this(poster, channel, null);
    }

    /**
     * With {@code interactions}, proposals (Confirm / Skip) and live messages (a triage's summary) keep their buttons,
     * each issued for anyone in the channel to click once; the command a button runs checks the clicker's role.
     */
    SlackAnnouncements(SlackPoster poster, String channel, Interactions interactions) {
        this.poster = poster;
        this.channel = channel;
        this.liveRenderer = interactions == null ? null : new BlockKitRenderer(button -> interactions.issue(button,
                new pdmbot.chat.ChatRequest(SlackAdapter.PLATFORM, "pdm-bot", "pdm-bot", channel, null, button.command(), "", null)));
        this.proposals = liveRenderer == null ? renderer : liveRenderer;
        this.live = interactions == null ? LiveMessages.inMemory(REMEMBERED_TOPICS)
                : LiveMessages.of(interactions.dialogues(), SlackAdapter.PLATFORM, channel);
    }

    /** Posts the live message {@code key} in the topic's thread the first time, then edits it in place (chat.update). */
    @Override
    public void announceLive(String topic, String key, Reply message) {
        Reply shown = liveRenderer == null ? Interactions.withoutButtons(message) : message;
        sender.execute(() -> postLive(topic, key, shown));
    }

    private void postLive(String topic, String key, Reply message) {
        try {
            List<BlockKitRenderer.SlackMessage> parts = (liveRenderer == null ? renderer : liveRenderer).render(message);
            Optional<String> ts = live.find(key);
            // Slack's chat.update edits one message: a summary past one message's limits is cut to its first part
            if (ts.isPresent() && poster.update(channel, ts.get(), parts.get(0))) return;
            String thread = threads.get(topic);
            Optional<String> posted = poster.post(channel, thread, parts.get(0));
            posted.ifPresent(t -> {
                live.keep(key, t);
                if (thread == null) threads.put(topic, t);
            });
        } catch (RuntimeException e) {
            log.error("could not post the live announcement [{}] {} to Slack channel {}", topic, key, channel, e);
        }
    }

    @Override
    public void announce(String topic, Reply message) {
        Reply shown = Interactions.withoutButtons(message);
        sender.execute(() -> post(topic, shown, renderer));
    }

    @Override
    public void propose(String topic, Reply message) {
        sender.execute(() -> post(topic, message, proposals));
    }

    private void post(String topic, Reply message, BlockKitRenderer with) {
        try {
            String thread = threads.get(topic);
            for (BlockKitRenderer.SlackMessage part : with.render(message)) {
                Optional<String> ts = poster.post(channel, thread, part);
                if (thread == null && ts.isPresent()) {
                    thread = ts.get();
                    threads.put(topic, thread);
                }
            }
        } catch (RuntimeException e) {
            log.error("could not post the announcement [{}] to Slack channel {}", topic, channel, e);
        }
    }

    /** Waits for the announcements already handed over, for a clean shutdown. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
