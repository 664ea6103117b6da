package pdmbot.adapters.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import pdmbot.chat.ChatRequest;

/** Turns Slack payloads into {@link ChatRequest}s; the event id is Slack's own, or derived from the signed request. */
final class SlackRequests {

    static final String PLATFORM = "slack";

    private SlackRequests() {
    }

    /** {@code /pdm <words>}. Slack gives slash commands no event id, so the signed timestamp and a body hash stand in. */
    static ChatRequest fromSlashCommand(SlashCommandPayload p, String timestamp, String body, Instant now) {
        String eventId = "command:" + (timestamp == null ? "" : timestamp) + ":" + sha256(body).substring(0, 32);
        return new ChatRequest(PLATFORM, p.getUserId(), p.getUserName(), p.getChannelId(), null,
                p.getText() == null ? "" : p.getText().trim(), eventId, now);
    }

    /** {@code @pdm-bot <words>}: the mention itself is dropped; the answer goes in the mention's thread. */
    static ChatRequest fromMention(EventsApiPayload<AppMentionEvent> payload, Instant now) {
        AppMentionEvent e = payload.getEvent();
        String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        return new ChatRequest(PLATFORM, e.getUser(), e.getUsername(), e.getChannel(), thread,
                withoutMentions(e.getText()), payload.getEventId(), now);
    }

    /** A button click runs the button's stored command as the user who clicked. */
    static ChatRequest fromClick(BlockActionPayload p, String command, Instant now) {
        String thread = p.getContainer() == null ? null
                : p.getContainer().getThreadTs() != null ? p.getContainer().getThreadTs() : p.getContainer().getMessageTs();
        String channel = channelOf(p);
        String name = p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
        return new ChatRequest(PLATFORM, p.getUser().getId(), name, channel, thread, command, clickEventId(p), now);
    }

    /**
     * A click's idempotency key from the action's own ids (action id, action_ts, who clicked), so two different clicks
     * are two events even when Slack sends no trigger_id, and a retry of one click is the same event.
     */
    static String clickEventId(BlockActionPayload p) {
        BlockActionPayload.Action a = p.getActions().get(0);
        String user = p.getUser() == null ? "" : p.getUser().getId();
        return "click:" + a.getActionId() + ":" + a.getActionTs() + ":" + user;
    }

    /** The channel a click came from, or null when Slack sent neither {@code channel} nor {@code container}. */
    static String channelOf(BlockActionPayload p) {
        if (p.getChannel() != null && p.getChannel().getId() != null) return p.getChannel().getId();
        return p.getContainer() == null ? null : p.getContainer().getChannelId();
    }

    /** Drops the leading {@code <@U123>} mentions Slack puts in an app_mention's text. */
    static String withoutMentions(String text) {
        if (text == null) return "";
        return text.replaceAll("^(\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*)+", "").trim();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
