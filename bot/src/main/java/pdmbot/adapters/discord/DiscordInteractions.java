package pdmbot.adapters.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import pdmbot.chat.Block;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.storage.events.ChatButtonStore;
import pdmbot.storage.events.ChatEventStore;

/**
 * What the bot does with a Discord interaction, without any gateway: refuse unconfigured guilds, handle
 * each interaction id once, run the words through the core, and use a clicked button at most once.
 * {@link DiscordAdapter} only moves JDA events in and these answers out.
 */
public final class DiscordInteractions {

    public static final String PLATFORM = "discord";
    static final Duration BUTTON_LIFETIME = Duration.ofHours(12);

    /** {@code /pdm text:<words>} as received: the interaction's ids and the typed words. */
    public record Command(String interactionId, String guildId, String channelId, String userId, String userName, String text) {
    }

    /** A click on one of the bot's buttons. */
    public record Click(String interactionId, String guildId, String channelId, String userId, String userName,
                        String customId) {
    }

    /** What to send back: the messages, whether only the asker sees them, and whether the clicked buttons go. */
    public record Answer(List<MessageCreateData> messages, boolean ephemeral, boolean disableButtons) {
        static Answer privately(String text) {
            return new Answer(List.of(new MessageCreateBuilder().setContent(DiscordLimits.truncate(text, DiscordLimits.CONTENT)).build()),
                    true, false);
        }
    }

    private final Function<ChatRequest, Reply> core;
    private final ChatEventStore events;
    private final ChatButtonStore buttons;
    private final Set<String> guilds;
    private final String instance;
    private final Clock clock;

    public DiscordInteractions(Function<ChatRequest, Reply> core, ChatEventStore events, ChatButtonStore buttons,
                               Set<String> guilds, String instance, Clock clock) {
        this.core = core;
        this.events = events;
        this.buttons = buttons;
        this.guilds = Set.copyOf(guilds);
        this.instance = instance;
        this.clock = clock;
    }

    /** Whether a guild may use the bot; interactions from elsewhere (and from direct messages) are refused. */
    public boolean isServed(String guildId) {
        return guildId != null && guilds.contains(guildId);
    }

    public Answer command(Command c) {
        if (!isServed(c.guildId())) return refusedGuild();
        if (!events.claim(PLATFORM, c.interactionId(), instance)) return new Answer(List.of(), true, false);
        ChatRequest request = new ChatRequest(PLATFORM, c.userId(), c.userName(), c.channelId(), null,
                c.text() == null ? "" : c.text().trim(), c.interactionId(), clock.instant());
        Reply reply = core.apply(request);
        return new Answer(renderer(request).render(reply), reply.ephemeral(), false);
    }

    public Answer click(Click c) {
        if (!isServed(c.guildId())) return refusedGuild();
        if (!c.customId().startsWith(DiscordRenderer.CUSTOM_ID_PREFIX)) return Answer.privately("That button is not pdm-bot's.");
        if (!events.claim(PLATFORM, c.interactionId(), instance)) return new Answer(List.of(), true, false);
        String id = c.customId().substring(DiscordRenderer.CUSTOM_ID_PREFIX.length());
        ChatButtonStore.Click click = buttons.use(id, c.userId());
        if (click instanceof ChatButtonStore.Usable usable) {
            ChatRequest request = new ChatRequest(PLATFORM, c.userId(), c.userName(), c.channelId(), null,
                    usable.button().command(), c.interactionId(), clock.instant());
            Reply reply = core.apply(request);
            return new Answer(renderer(request).render(reply), reply.ephemeral(), true);
        }
        if (click instanceof ChatButtonStore.AlreadyUsed used)
            return Answer.privately("This button was already used by <@" + used.usedBy() + ">; nothing ran twice.");
        if (click instanceof ChatButtonStore.Expired expired)
            return Answer.privately("This button expired. Type `/pdm text:" + expired.button().command() + "` to run it now.");
        if (click instanceof ChatButtonStore.NotYours notYours)
            return Answer.privately("Only <@" + notYours.button().mayClick() + "> can answer this button. You can type `/pdm text:"
                    + notYours.button().command() + "` yourself.");
        return Answer.privately("The bot no longer knows this button; run the command again.");
    }

    private static Answer refusedGuild() {
        return Answer.privately("pdm-bot is not set up for this server. Ask its operator to add the server id to `discord.guilds`.");
    }

    DiscordRenderer renderer(ChatRequest request) {
        return new DiscordRenderer(button -> issue(button, request));
    }

    private String issue(Block.Button button, ChatRequest request) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString().replace("-", "");
        String mayClick = button.style() == Block.Button.Style.DANGER ? request.userId() : null;
        buttons.issue(new ChatButtonStore.IssuedButton(id, PLATFORM, button.command(), button.label(), mayClick, now,
                now.plus(BUTTON_LIFETIME)));
        return id;
    }
}
