package pdmbot.adapters.discord;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord through JDA: registers {@code /pdm text:<words>} per configured guild (or globally), and
 * moves slash commands and button clicks to {@link DiscordInteractions}. It answers within Discord's
 * 3 seconds: directly when the core is quick, else a deferred reply completed by follow-ups.
 */
public final class DiscordAdapter extends ListenerAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);

    public static final String COMMAND = "pdm";
    public static final String TEXT_OPTION = "text";
    /** Past this the interaction is deferred; Discord allows 3 s for the first response. */
    static final long ANSWER_DIRECTLY_WITHIN_MS = 2000;

    private final DiscordInteractions interactions;
    private final List<String> guilds;
    private final boolean global;
    private final ExecutorService work;
    /** JDA hands events to this pool, so no handler ever runs on (or blocks) the gateway's own thread. */
    private final ExecutorService events;
    private volatile JDA jda;

    public DiscordAdapter(DiscordInteractions interactions, List<String> guilds, boolean global) {
        this.interactions = interactions;
        this.guilds = List.copyOf(guilds);
        this.global = global;
        AtomicInteger n = new AtomicInteger();
        this.work = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "pdm-discord-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger e = new AtomicInteger();
        this.events = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "pdm-discord-event-" + e.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Logs in with the bot token and starts listening; returns before the gateway is ready. */
    public void start(String token) {
        this.jda = JDABuilder.createLight(token, List.<GatewayIntent>of()).setEventPool(events, false)
                .addEventListeners(this).build();
    }

    /**
     * Announcements posted to the text channel {@code channelId} once the gateway is connected; proposals and live
     * messages keep their buttons, issued through the core's interaction service.
     */
    public pdmbot.chat.Announcements announcementsTo(String channelId) {
        return new DiscordAnnouncements(DiscordChannel.of(() -> jda, channelId), interactions.service());
    }

    /** The {@code /pdm} command definition. */
    public static CommandData commandData() {
        return Commands.slash(COMMAND, "Ask pdm-bot about post-deploy migrations (try: help)")
                .addOption(OptionType.STRING, TEXT_OPTION, "the command words, e.g. pdm status", true);
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA ready = event.getJDA();
        if (global) {
            ready.updateCommands().addCommands(commandData()).queue(
                    ok -> log.info("registered /{} globally", COMMAND),
                    e -> log.error("could not register /{} globally: {}", COMMAND, e.toString()));
        }
        for (String id : guilds) {
            Guild guild = ready.getGuildById(id);
            if (guild == null) {
                log.warn("discord.guilds names {}, which the bot is not a member of; invite it with the applications.commands scope", id);
                continue;
            }
            guild.updateCommands().addCommands(commandData()).queue(
                    ok -> log.info("registered /{} in guild {}", COMMAND, id),
                    e -> log.error("could not register /{} in guild {}: {}", COMMAND, id, e.toString()));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!COMMAND.equals(event.getName())) return;
        String guildId = event.getGuild() == null ? null : event.getGuild().getId();
        String text = event.getOption(TEXT_OPTION) == null ? "" : event.getOption(TEXT_OPTION).getAsString();
        DiscordInteractions.Command command = new DiscordInteractions.Command(event.getId(), guildId,
                event.getChannelId(), event.getUser().getId(), event.getUser().getName(), text);
        Future<DiscordInteractions.Answer> answer = work.submit(() -> interactions.command(command));
        // Deferred as private: a deferral's visibility cannot change later, and a private answer must never show
        // in the channel; a public answer then goes out as a public follow-up (see sendAll).
        respond(answer, event.getHook(),
                direct -> event.reply(direct.messages().get(0)).setEphemeral(direct.ephemeral()).queue(
                        hook -> followUps(hook, direct, 1)),
                () -> event.deferReply(true).queue(),
                failed -> event.reply(failed.messages().get(0)).setEphemeral(true).queue());
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String customId = event.getComponentId();
        if (!customId.startsWith(DiscordRenderer.CUSTOM_ID_PREFIX)) return;
        String guildId = event.getGuild() == null ? null : event.getGuild().getId();
        DiscordInteractions.Click click = new DiscordInteractions.Click(event.getId(), guildId, event.getChannelId(),
                event.getUser().getId(), event.getUser().getName(), customId);
        // Acknowledge at once, privately (see onSlashCommandInteraction); the buttons go only when the click wins.
        event.deferReply(true).queue();
        work.submit(() -> {
            DiscordInteractions.Answer answer;
            try {
                answer = interactions.click(click);
            } catch (RuntimeException e) {
                answer = failure("click " + click.interactionId(), e);
            }
            if (answer.disableButtons()) {
                List<MessageTopLevelComponent> disabled = event.getMessage().getComponents().stream()
                        .map(c -> (MessageTopLevelComponent) c.asActionRow().asDisabled()).toList();
                event.getMessage().editMessageComponents(disabled).queue(null,
                        e -> log.warn("could not disable the used buttons: {}", e.toString()));
            }
            sendAll(event.getHook(), answer);
        });
    }

    private interface Direct {
        void send(DiscordInteractions.Answer answer);
    }

    /** Answers directly when the core is quick, else defers; a failure is answered, never left pending. */
    private void respond(Future<DiscordInteractions.Answer> answer, InteractionHook hook, Direct direct, Runnable defer,
                         Direct failed) {
        try {
            DiscordInteractions.Answer quick = answer.get(ANSWER_DIRECTLY_WITHIN_MS, TimeUnit.MILLISECONDS);
            if (quick.messages().isEmpty()) return;
            direct.send(quick);
        } catch (TimeoutException slow) {
            defer.run();
            work.submit(() -> {
                DiscordInteractions.Answer later;
                try {
                    later = answer.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    later = failure("command", e);
                }
                sendAll(hook, later);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed.send(failure("command", e));
        }
    }

    /** Logs a failure outside the core under a correlation id and returns the generic private answer naming it. */
    static DiscordInteractions.Answer failure(String what, Throwable e) {
        String correlationId = java.util.UUID.randomUUID().toString().substring(0, 8);
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        log.error("[{}] discord {} failed", correlationId, what, cause);
        return DiscordInteractions.failed(correlationId);
    }

    /**
     * After a (private) deferral: a private answer completes it and follows up privately; a public one replaces the
     * "thinking" with a short line and goes out as public follow-ups, so nothing private is ever shown publicly.
     */
    static void sendAll(InteractionHook hook, DiscordInteractions.Answer answer) {
        if (answer.messages().isEmpty()) {
            hook.deleteOriginal().queue();
            return;
        }
        if (answer.ephemeral()) {
            hook.editOriginal(MessageEditData.fromCreateData(answer.messages().get(0))).queue();
            followUps(hook, answer, 1);
            return;
        }
        hook.editOriginal("Answered in the channel.").queue();
        followUps(hook, answer, 0);
    }

    private static void followUps(InteractionHook hook, DiscordInteractions.Answer answer, int from) {
        for (MessageCreateData message : answer.messages().subList(from, answer.messages().size()))
            hook.sendMessage(message).setEphemeral(answer.ephemeral()).queue();
    }

    @Override
    public void close() {
        if (jda != null) jda.shutdown();
        work.shutdownNow();
        events.shutdownNow();
    }
}
