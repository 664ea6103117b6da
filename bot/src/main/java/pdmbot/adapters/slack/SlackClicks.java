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
import pdmbot.storage.events.ChatButtonStore;

/**
 * A click on one of the bot's buttons: uses the button once (server-side), replaces the clicked
 * buttons in the message with a line saying who chose what, then runs the command as the clicker.
 * A second click, an expired button or someone else's button gets a private explanation instead.
 */
final class SlackClicks {

    private final ChatButtonStore buttons;
    private final SlackPoster poster;
    private final SlackReplies replies;
    private final Clock clock;

    SlackClicks(ChatButtonStore buttons, SlackPoster poster, SlackReplies replies, Clock clock) {
        this.buttons = buttons;
        this.poster = poster;
        this.replies = replies;
        this.clock = clock;
    }

    void clicked(BlockActionPayload p) {
        BlockActionPayload.Action action = p.getActions().get(0);
        String id = action.getActionId().substring(BlockKitRenderer.ACTION_PREFIX.length());
        String user = p.getUser().getId();
        String channel = p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
        ChatButtonStore.Click click = buttons.use(id, user);
        if (click instanceof ChatButtonStore.Usable usable) {
            ChatButtonStore.IssuedButton button = usable.button();
            replaceButtons(p, action, "*" + button.label() + "* — chosen by <@" + user + ">");
            SlackReplies.Target target = new SlackReplies.Target(channel, threadOf(p), user, p.getResponseUrl());
            replies.answer(SlackRequests.fromClick(p, button.command(), clock.instant()), target);
            return;
        }
        String why;
        if (click instanceof ChatButtonStore.AlreadyUsed used) {
            why = "This button was already used by <@" + used.usedBy() + ">; nothing ran twice.";
        } else if (click instanceof ChatButtonStore.Expired expired) {
            why = "This button expired. Type `" + expired.button().command() + "` to run it now.";
        } else if (click instanceof ChatButtonStore.NotYours notYours) {
            why = "Only <@" + notYours.button().mayClick() + "> can answer this button. You can type `"
                    + notYours.button().command() + "` yourself.";
        } else {
            why = "The bot no longer knows this button; run the command again.";
        }
        if (p.getResponseUrl() != null) poster.respond(p.getResponseUrl(), "ephemeral", false, SlackReplies.note(why));
        else poster.postEphemeral(channel, user, threadOf(p), SlackReplies.note(why));
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
        if (ephemeral && p.getResponseUrl() != null) poster.respond(p.getResponseUrl(), null, true, replaced);
        else poster.update(p.getChannel().getId(), p.getContainer().getMessageTs(), replaced);
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
