package pdmbot.adapters.discord;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Interactions;

/**
 * What the bot does with a Discord interaction, without any gateway: refuse unconfigured guilds, handle
 * each interaction id once, run the words through the core, and use a clicked button at most once.
 * {@link DiscordAdapter} only moves JDA events in and these answers out.
 */
public final class DiscordInteractions {

    public static final String PLATFORM = "discord";

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
            return new Answer(List.of(DiscordRenderer.quiet().setContent(DiscordLimits.truncate(text, DiscordLimits.CONTENT)).build()),
                    true, false);
        }
    }

    private final Function<ChatRequest, Reply> core;
    private final Interactions interactions;
    private final Set<String> guilds;
    private final Clock clock;

    public DiscordInteractions(Function<ChatRequest, Reply> core, Interactions interactions, Set<String> guilds, Clock clock) {
        this.core = core;
        this.interactions = interactions;
        this.guilds = Set.copyOf(guilds);
        this.clock = clock;
    }

    /** Whether a guild may use the bot; interactions from elsewhere (and from direct messages) are refused. */
    public boolean isServed(String guildId) {
        return guildId != null && guilds.contains(guildId);
    }

    public Answer command(Command c) {
        if (!isServed(c.guildId())) return refusedGuild();
        if (!(interactions.claim(PLATFORM, c.interactionId()) instanceof Interactions.Claimed)) return new Answer(List.of(), true, false);
        ChatRequest request = new ChatRequest(PLATFORM, c.userId(), c.userName(), c.channelId(), null,
                c.text() == null ? "" : c.text().trim(), c.interactionId(), clock.instant());
        Reply reply = core.apply(request);
        return new Answer(renderer(request).render(reply), reply.ephemeral(), false);
    }

    public Answer click(Click c) {
        if (!isServed(c.guildId())) return refusedGuild();
        if (!c.customId().startsWith(DiscordRenderer.CUSTOM_ID_PREFIX)) return Answer.privately("That button is not pdm-bot's.");
        if (!(interactions.claim(PLATFORM, c.interactionId()) instanceof Interactions.Claimed)) return new Answer(List.of(), true, false);
        String id = c.customId().substring(DiscordRenderer.CUSTOM_ID_PREFIX.length());
        Interactions.Click click = interactions.resolve(id, c.userId(), u -> "<@" + u + ">");
        if (click instanceof Interactions.Run run) {
            ChatRequest request = new ChatRequest(PLATFORM, c.userId(), c.userName(), c.channelId(), null,
                    run.command(), c.interactionId(), clock.instant());
            Reply reply = core.apply(request);
            return new Answer(renderer(request).render(reply), reply.ephemeral(), true);
        }
        if (click instanceof Interactions.AlreadyUsed used) return Answer.privately(used.explanation());
        if (click instanceof Interactions.Expired expired) return Answer.privately(expired.explanation());
        if (click instanceof Interactions.NotYours notYours) return Answer.privately(notYours.explanation());
        if (click instanceof Interactions.Unknown unknown) return Answer.privately(unknown.explanation());
        throw new IllegalStateException("unhandled click outcome " + click);
    }

    private static Answer refusedGuild() {
        return Answer.privately("pdm-bot is not set up for this server. Ask its operator to add the server id to `discord.guilds`.");
    }

    /** The generic answer when handling failed outside the core: private, with the id the log has it under. */
    static Answer failed(String correlationId) {
        return Answer.privately("Something went wrong; nothing was lost. The details are in the bot's log under id `"
                + correlationId + "`.");
    }

    /** The core's interaction service these answers use (announcements issue their buttons through it too). */
    Interactions service() {
        return interactions;
    }

    DiscordRenderer renderer(ChatRequest request) {
        return new DiscordRenderer(button -> interactions.issue(button, request));
    }
}
