package pdmbot.adapters.slack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.interaction.Interactions;
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
        this(poster, channel, button -> "");
    }

    SlackAnnouncements(SlackPoster poster, String channel, java.util.function.Function<pdmbot.chat.Block.Button, String> issue) {
        this.poster = poster;
        this.channel = channel;
        this.proposals = new BlockKitRenderer(issue);
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
