package pdmbot.adapters.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Block;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.storage.events.ChatButtonStore;

/**
 * Runs a request through the core after Slack has been acknowledged, and posts the answer: in the
 * channel (or thread), privately when the reply is ephemeral, and — when the work takes longer than
 * {@code progressAfter} — first a "working on it" message that the answer then replaces (chat.update),
 * with any further messages as threaded replies.
 */
final class SlackReplies {

    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    /** How long a button stays usable. A release shift; an older button would act on stale advice. */
    static final Duration BUTTON_LIFETIME = Duration.ofHours(12);

    /** Where the answer goes: the channel and thread, who asked, and the response_url when Slack gave one. */
    record Target(String channel, String threadTs, String user, String responseUrl) {
    }

    private final Function<ChatRequest, Reply> core;
    private final SlackPoster poster;
    private final ChatButtonStore buttons;
    private final ExecutorService work;
    private final Duration progressAfter;
    private final Clock clock;

    SlackReplies(Function<ChatRequest, Reply> core, SlackPoster poster, ChatButtonStore buttons, ExecutorService work,
                 Duration progressAfter, Clock clock) {
        this.core = core;
        this.poster = poster;
        this.buttons = buttons;
        this.work = work;
        this.progressAfter = progressAfter;
        this.clock = clock;
    }

    /** Runs {@code request} and posts its reply; called on a worker thread, never on Slack's ack path. */
    void answer(ChatRequest request, Target target) {
        Future<Reply> running = work.submit(() -> core.apply(request));
        String progressTs = null;
        Reply reply;
        try {
            try {
                reply = running.get(progressAfter.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                progressTs = poster.post(target.channel(), target.threadTs(), progress(request)).orElse(null);
                reply = running.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            log.error("'{}' from {} could not be answered", request.text(), request.userId(), e.getCause());
            reply = Reply.failed("Something went wrong; nothing was lost. See the bot's log.");
        }
        post(reply, request, target, progressTs);
    }

    void post(Reply reply, ChatRequest request, Target target, String progressTs) {
        List<BlockKitRenderer.SlackMessage> messages = renderer(request).render(reply);
        if (reply.ephemeral()) {
            for (BlockKitRenderer.SlackMessage m : messages) {
                if (target.responseUrl() != null) poster.respond(target.responseUrl(), "ephemeral", false, m);
                else poster.postEphemeral(target.channel(), target.user(), target.threadTs(), m);
            }
            if (progressTs != null)
                poster.update(target.channel(), progressTs, note("`" + request.text() + "`: answered privately."));
            return;
        }
        String first;
        if (progressTs != null) {
            poster.update(target.channel(), progressTs, messages.get(0));
            first = progressTs;
        } else {
            first = poster.post(target.channel(), target.threadTs(), messages.get(0)).orElse(null);
            if (first == null && target.responseUrl() != null) {
                // The bot is not in that channel (private, or no chat:write.public): answer where it was asked.
                for (BlockKitRenderer.SlackMessage m : messages) poster.respond(target.responseUrl(), "in_channel", false, m);
                return;
            }
        }
        String thread = target.threadTs() != null ? target.threadTs() : first;
        for (BlockKitRenderer.SlackMessage m : messages.subList(1, messages.size()))
            poster.post(target.channel(), thread, m);
    }

    /** A renderer whose buttons are stored for this request: dangerous ones only its asker may click. */
    BlockKitRenderer renderer(ChatRequest request) {
        return new BlockKitRenderer(button -> issue(button, request));
    }

    private String issue(Block.Button button, ChatRequest request) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString().replace("-", "");
        String mayClick = button.style() == Block.Button.Style.DANGER ? request.userId() : null;
        buttons.issue(new ChatButtonStore.IssuedButton(id, SlackRequests.PLATFORM, button.command(), button.label(),
                mayClick, now, now.plus(BUTTON_LIFETIME)));
        return id;
    }

    static BlockKitRenderer.SlackMessage progress(ChatRequest request) {
        return note(":hourglass_flowing_sand: Working on `" + request.text() + "`…");
    }

    static BlockKitRenderer.SlackMessage note(String text) {
        return new BlockKitRenderer(b -> "").render(Reply.ok(text)).get(0);
    }
}
