package pdmbot.adapters.slack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Interactions;

/**
 * Runs a request through the core after Slack has been acknowledged, and posts the answer: in the
 * channel (or thread), privately when the reply is ephemeral, and — when the work takes longer than
 * {@code progressAfter} — first a "working on it" message that the answer then replaces (chat.update),
 * with any further messages as threaded replies.
 */
final class SlackReplies {

    private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

    /** Where the answer goes: the channel and thread, who asked, and the response_url when Slack gave one. */
    record Target(String channel, String threadTs, String user, String responseUrl) {
    }

    private final Function<ChatRequest, Reply> core;
    private final SlackPoster poster;
    private final Interactions interactions;
    private final ExecutorService work;
    private final Duration progressAfter;
    private final ResponseUrls responseUrls;

    SlackReplies(Function<ChatRequest, Reply> core, SlackPoster poster, Interactions interactions, ExecutorService work,
                 Duration progressAfter) {
        this.core = core;
        this.poster = poster;
        this.interactions = interactions;
        this.work = work;
        this.progressAfter = progressAfter;
        this.responseUrls = new ResponseUrls(java.time.Clock.systemUTC());
    }

    /** Answers privately: through the response_url while it has uses left, else (or when it fails) chat.postEphemeral. */
    void privately(Target target, BlockKitRenderer.SlackMessage m) {
        if (responseUrls.take(target.responseUrl()) && poster.respond(target.responseUrl(), "ephemeral", false, m)) return;
        if (target.channel() == null || !poster.postEphemeral(target.channel(), target.user(), target.threadTs(), m))
            log.warn("a private answer to {} could not be delivered (response_url used up or failing, chat.postEphemeral failing)",
                    target.user());
    }

    /** Posts to the response_url while it has uses left. */
    boolean respond(Target target, String responseType, boolean replaceOriginal, BlockKitRenderer.SlackMessage m) {
        return responseUrls.take(target.responseUrl()) && poster.respond(target.responseUrl(), responseType, replaceOriginal, m);
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
            for (BlockKitRenderer.SlackMessage m : messages) privately(target, m);
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
                // (also what happens when the Web API cannot be reached: the response_url is another host)
                for (BlockKitRenderer.SlackMessage m : messages) respond(target, "in_channel", false, m);
                return;
            }
        }
        String thread = target.threadTs() != null ? target.threadTs() : first;
        for (BlockKitRenderer.SlackMessage m : messages.subList(1, messages.size()))
            poster.post(target.channel(), thread, m);
    }

    /** A renderer whose buttons are stored for this request: dangerous ones only its asker may click. */
    BlockKitRenderer renderer(ChatRequest request) {
        return new BlockKitRenderer(button -> interactions.issue(button, request));
    }

    static BlockKitRenderer.SlackMessage progress(ChatRequest request) {
        return note(":hourglass_flowing_sand: Working on `" + request.text() + "`…");
    }

    static BlockKitRenderer.SlackMessage note(String text) {
        return BlockKitRenderer.trusted(b -> "").render(Reply.ok(text)).get(0);
    }
}
