package pdmbot.adapters.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.interaction.Interactions;

/**
 * A click on one of the bot's buttons: uses the button once (server-side), replaces the clicked
 * buttons in the message with a line saying who chose what, then runs the command as the clicker.
 * A second click, an expired button or someone else's button gets a private explanation instead.
 */
final class SlackClicks {

    private static final Logger log = LoggerFactory.getLogger(SlackClicks.class);

    private final Interactions interactions;
    private final SlackPoster poster;
    private final SlackReplies replies;
    private final Clock clock;

    SlackClicks(Interactions interactions, SlackPoster poster, SlackReplies replies, Clock clock) {
        this.interactions = interactions;
        this.poster = poster;
        this.replies = replies;
        this.clock = clock;
    }

    /**
     * Handles a claimed click. False when it could not be answered at all (no channel, no container, no response_url):
     * it is logged with its event id and the caller releases the claim, so Slack's retry can run it.
     */
    boolean clicked(BlockActionPayload p, String eventId) {
        BlockActionPayload.Action action = p.getActions().get(0);
        String user = p.getUser().getId();
        String channel = SlackRequests.channelOf(p);
        if (channel == null && (p.getResponseUrl() == null || p.getResponseUrl().isBlank())) {
            log.warn("click {} came without channel, container or response_url: nothing can answer it; its claim is released",
                    eventId);
            return false;
        }
        SlackReplies.Target target = new SlackReplies.Target(channel, threadOf(p), user, p.getResponseUrl());
        if (!action.getActionId().startsWith(BlockKitRenderer.ACTION_PREFIX)) {
            replies.privately(target, SlackReplies.note("That button is not pdm-bot's."));
            return true;
        }
        String id = action.getActionId().substring(BlockKitRenderer.ACTION_PREFIX.length());
        Interactions.Click click = interactions.resolve(id, user, u -> "<@" + u + ">");
        if (click instanceof Interactions.Run run) {
            replaceButtons(p, action, "*" + BlockKitRenderer.escape(run.label()) + "* — chosen by <@" + user + ">");
            if (channel == null) {
                replies.privately(target, SlackReplies.note("`" + run.command() + "`: Slack did not say in which channel "
                        + "this button was; type the command where it should run."));
                return true;
            }
            replies.answer(SlackRequests.fromClick(p, run.command(), clock.instant()), target);
            return true;
        }
        replies.privately(target, SlackReplies.note(explanation(click)));
        return true;
    }

    private static String explanation(Interactions.Click click) {
        if (click instanceof Interactions.AlreadyUsed used) return used.explanation();
        if (click instanceof Interactions.Expired expired) return expired.explanation();
        if (click instanceof Interactions.NotYours notYours) return notYours.explanation();
        if (click instanceof Interactions.Unknown unknown) return unknown.explanation();
        throw new IllegalStateException("no explanation for " + click);
    }

    /** The message with the clicked actions block replaced by a context line, so no button of it can be clicked again. */
    private void replaceButtons(BlockActionPayload p, BlockActionPayload.Action action, String line) {
        if (p.getMessage() == null || p.getMessage().getBlocks() == null) return;
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock block : p.getMessage().getBlocks()) {
            if (block instanceof ActionsBlock actions && holds(actions, action.getActionId())) {
                blocks.add(ContextBlock.builder().blockId(actions.getBlockId())
                        .elements(List.<ContextBlockElement>of(MarkdownTextObject.builder().text(line).build())).build());
            } else {
                blocks.add(block);
            }
        }
        BlockKitRenderer.SlackMessage replaced = new BlockKitRenderer.SlackMessage(
                p.getMessage().getText() == null ? line : p.getMessage().getText(), blocks);
        boolean ephemeral = p.getContainer() != null && p.getContainer().isEphemeral();
        SlackReplies.Target target = new SlackReplies.Target(SlackRequests.channelOf(p), null, p.getUser().getId(), p.getResponseUrl());
        if (ephemeral && p.getResponseUrl() != null) replies.respond(target, null, true, replaced);
        else if (target.channel() != null && p.getContainer() != null) poster.update(target.channel(), p.getContainer().getMessageTs(), replaced);
    }

    private static boolean holds(ActionsBlock actions, String actionId) {
        for (BlockElement e : actions.getElements())
            if (e instanceof ButtonElement b && actionId.equals(b.getActionId())) return true;
        return false;
    }

    private static String threadOf(BlockActionPayload p) {
        if (p.getContainer() == null) return null;
        return p.getContainer().getThreadTs() != null ? p.getContainer().getThreadTs() : p.getContainer().getMessageTs();
    }
}
