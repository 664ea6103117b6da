package pdmbot.adapters.discord;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The announcements channel as {@link DiscordAnnouncements} uses it: send a message (as a reply to another), edit
 * one. {@link #of} is the JDA one; tests answer with their own, reading the messages back through JDA's toData().
 */
interface DiscordChannel {

    /** The channel's id, for the log. */
    String id();

    /** Sends {@code message}, as a reply to {@code replyTo} when it is not null; completes with the sent message's id. */
    CompletableFuture<String> send(MessageCreateData message, String replyTo);

    /** Replaces message {@code messageId}'s content, embeds and buttons with {@code message}'s. */
    CompletableFuture<Void> edit(String messageId, MessageCreateData message);

    /**
     * The text channel {@code channelId} of the connected client, looked up at each call (the gateway connects after
     * start); while it is not there, each call fails and says so.
     */
    static DiscordChannel of(Supplier<JDA> jda, String channelId) {
        return new DiscordChannel() {
            @Override
            public String id() {
                return channelId;
            }

            @Override
            public CompletableFuture<String> send(MessageCreateData message, String replyTo) {
                TextChannel channel = channel();
                if (channel == null) return unavailable();
                var send = channel.sendMessage(message);
                if (replyTo != null) send = send.setMessageReference(replyTo).mentionRepliedUser(false);
                return send.submit().thenApply(Message::getId);
            }

            @Override
            public CompletableFuture<Void> edit(String messageId, MessageCreateData message) {
                TextChannel channel = channel();
                if (channel == null) return unavailable();
                // MessageChannel#editMessageById with the message as edit data: content, embeds and components replaced
                return channel.editMessageById(messageId, MessageEditData.fromCreateData(message)).submit().thenApply(m -> null);
            }

            private TextChannel channel() {
                JDA client = jda.get();
                return client == null ? null : client.getTextChannelById(channelId);
            }

            private <T> CompletableFuture<T> unavailable() {
                return CompletableFuture.failedFuture(new IllegalStateException("Discord channel " + channelId
                        + " is not available (not connected yet, or not visible to the bot)"));
            }
        };
    }
}
