package pdmbot.adapters.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.interaction.Interactions;
import pdmbot.chat.Reply;

/**
 * Announcements in the configured Discord channel: a topic's first message in the channel, the following ones
 * as replies to it. JDA queues the sends, so the run that announces never waits on Discord.
 */
final class DiscordAnnouncements implements Announcements {

    private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncements.class);
    static final int REMEMBERED_TOPICS = 200;

    private final Supplier<JDA> jda;
    private final String channelId;
    private final DiscordRenderer renderer = new DiscordRenderer(button -> "");
    private final Map<String, String> firstMessages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TOPICS;
        }
    });

    /** The message id of each live message (a triage's summary) this process posted, to edit it in place. */
    private final Map<String, String> live = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TOPICS;
        }
    });

    DiscordAnnouncements(Supplier<JDA> jda, String channelId) {
        this.jda = jda;
        this.channelId = channelId;
    }

    /**
     * A live message (a triage's summary): sent once as a reply to the topic's first message, then edited in place
     * ({@code MessageChannel#editMessageById} with {@code MessageEditData.fromCreateData}); its first part only.
     */
    @Override
    public void announceLive(String topic, String key, Reply message) {
        JDA client = jda.get();
        TextChannel channel = client == null ? null : client.getTextChannelById(channelId);
        if (channel == null) {
            log.warn("live announcement [{}] not posted: Discord channel {} is not available", topic, channelId);
            return;
        }
        MessageCreateData part = renderer.render(Interactions.withoutButtons(message)).get(0);
        String id = live.get(key);
        if (id != null) {
            channel.editMessageById(id, net.dv8tion.jda.api.utils.messages.MessageEditData.fromCreateData(part)).queue(null,
                    failure -> log.error("could not edit the live announcement [{}] {} in Discord channel {}", topic, key, channelId, failure));
            return;
        }
        String first = firstMessages.get(topic);
        var send = channel.sendMessage(part);
        if (first != null) send = send.setMessageReference(first).mentionRepliedUser(false);
        send.queue(sent -> {
            live.put(key, sent.getId());
            firstMessages.putIfAbsent(topic, sent.getId());
        }, failure -> log.error("could not post the live announcement [{}] to Discord channel {}", topic, channelId, failure));
    }

    @Override
    public void announce(String topic, Reply message) {
        JDA client = jda.get();
        TextChannel channel = client == null ? null : client.getTextChannelById(channelId);
        if (channel == null) {
            log.warn("announcement [{}] not posted: Discord channel {} is not available (not connected yet, or not visible to the bot)",
                    topic, channelId);
            return;
        }
        for (MessageCreateData part : renderer.render(Interactions.withoutButtons(message))) {
            String first = firstMessages.get(topic);
            var send = channel.sendMessage(part);
            if (first != null) send = send.setMessageReference(first).mentionRepliedUser(false);
            send.queue(sent -> firstMessages.putIfAbsent(topic, sent.getId()),
                    failure -> log.error("could not post the announcement [{}] to Discord channel {}", topic, channelId, failure));
        }
    }
}
