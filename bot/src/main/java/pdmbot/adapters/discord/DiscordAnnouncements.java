package pdmbot.adapters.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Interactions;
import pdmbot.chat.interaction.LiveMessages;

/**
 * Announcements in the configured Discord channel: a topic's first message in the channel, the following ones
 * as replies to it. JDA queues the sends, so the run that announces never waits on Discord. With the interaction
 * service, a proposal (Confirm / Skip) and a live message (a triage's summary) keep their buttons, each issued by
 * the core for anyone in the channel to click once (the command a button runs checks the clicker's role), exactly
 * as on Slack; a live message's id is kept with its dialogue, so any instance edits the same message.
 */
final class DiscordAnnouncements implements Announcements {

    private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncements.class);
    static final int REMEMBERED_TOPICS = 200;

    private final DiscordChannel channel;
    private final DiscordRenderer renderer = new DiscordRenderer(button -> "");
    /** Renders buttons with ids the interaction core issued; without the core, the plain renderer (no buttons kept). */
    private final DiscordRenderer withButtons;
    private final boolean keepsButtons;
    private final LiveMessages live;
    private final Map<String, String> firstMessages = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TOPICS;
        }
    });

    DiscordAnnouncements(DiscordChannel channel, Interactions interactions) {
        this.channel = channel;
        this.keepsButtons = interactions != null;
        this.withButtons = interactions == null ? renderer : new DiscordRenderer(button -> interactions.issue(button,
                new ChatRequest(DiscordInteractions.PLATFORM, "pdm-bot", "pdm-bot", channel.id(), null, button.command(), "", null)));
        this.live = interactions == null ? LiveMessages.inMemory(REMEMBERED_TOPICS)
                : LiveMessages.of(interactions.dialogues(), DiscordInteractions.PLATFORM, channel.id());
    }

    @Override
    public void announce(String topic, Reply message) {
        post(topic, Interactions.withoutButtons(message), renderer);
    }

    @Override
    public void propose(String topic, Reply message) {
        post(topic, keepsButtons ? message : Interactions.withoutButtons(message), withButtons);
    }

    private void post(String topic, Reply message, DiscordRenderer with) {
        for (MessageCreateData part : with.render(message)) {
            channel.send(part, firstMessages.get(topic)).whenComplete((id, failure) -> {
                if (failure != null) log.error("could not post the announcement [{}] to Discord channel {}", topic, channel.id(), failure);
                else firstMessages.putIfAbsent(topic, id);
            });
        }
    }

    /**
     * A live message (a triage's summary): sent once as a reply to the topic's first message, then edited in place
     * ({@code MessageChannel#editMessageById}); its first part only. A message that cannot be edited any more (deleted)
     * is sent anew.
     */
    @Override
    public void announceLive(String topic, String key, Reply message) {
        MessageCreateData part = withButtons.render(keepsButtons ? message : Interactions.withoutButtons(message)).get(0);
        Optional<String> id = live.find(key);
        if (id.isEmpty()) {
            sendLive(topic, key, part);
            return;
        }
        channel.edit(id.get(), part).whenComplete((ok, failure) -> {
            if (failure == null) return;
            log.warn("could not edit the live announcement [{}] {} in Discord channel {}; sending it anew: {}", topic, key,
                    channel.id(), failure.toString());
            sendLive(topic, key, part);
        });
    }

    private void sendLive(String topic, String key, MessageCreateData part) {
        channel.send(part, firstMessages.get(topic)).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.error("could not post the live announcement [{}] to Discord channel {}", topic, channel.id(), failure);
                return;
            }
            live.keep(key, sent);
            firstMessages.putIfAbsent(topic, sent);
        });
    }
}
