package pdmbot.chat.interaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Block;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.domain.interaction.ChatButtonStore;
import pdmbot.domain.interaction.ChatEventStore;

/**
 * What every chat platform does with events and buttons, done once, here: an event is handled once across
 * retries and instances; a button is issued with its lifetime and who may click it (a danger button only the
 * asker); a click is resolved to a sealed {@link Click}; announcements lose their buttons. Adapters translate
 * payloads to these calls and the outcomes to platform JSON; they never see the stores.
 */
public final class Interactions {

    private static final Logger log = LoggerFactory.getLogger(Interactions.class);

    /** How long a button stays usable. A release shift; an older button would act on stale advice. */
    public static final Duration BUTTON_LIFETIME = Duration.ofHours(12);

    /** Whether an event is this instance's to handle. */
    public sealed interface Claim permits Claimed, AlreadyHandled, Unrecorded {
    }

    public record Claimed(String eventId) implements Claim {
    }

    /** A platform retry, or another instance took it. */
    public record AlreadyHandled(String eventId) implements Claim {
    }

    /** The store could not be reached: not handled, so that the platform's retry can be. */
    public record Unrecorded(String eventId, String why) implements Claim {
    }

    /** The outcome of a click; every refusal carries the sentence the clicker is shown. */
    public sealed interface Click permits Run, AlreadyUsed, NotYours, Expired, Unknown {
    }

    /** This click won: run {@code command} as the clicker; the clicked buttons should go. */
    public record Run(String command, String label) implements Click {
    }

    public record AlreadyUsed(String usedBy, String explanation) implements Click {
    }

    public record NotYours(String mayClick, String explanation) implements Click {
    }

    public record Expired(String command, String explanation) implements Click {
    }

    public record Unknown(String explanation) implements Click {
    }

    /** How a platform writes a user mention, e.g. {@code <@U123>} on both Slack and Discord. */
    @FunctionalInterface
    public interface Mentions {
        String of(String userId);
    }

    /** Whether {@code user} on {@code platform} may run {@code command} (its role); asked before a click uses a button. */
    @FunctionalInterface
    public interface MayRun {
        boolean test(String platform, String user, String command);

        MayRun ANYONE = (platform, user, command) -> true;
    }

    private final ChatEventStore events;
    private final ChatButtonStore buttons;
    private final MayRun mayRun;
    private final Dialogues dialogues;
    private final String instance;
    private final Clock clock;

    public Interactions(ChatEventStore events, ChatButtonStore buttons, Dialogues dialogues, String instance, Clock clock) {
        this(events, buttons, dialogues, instance, clock, MayRun.ANYONE);
    }

    /**
     * With the roles: a click by someone whose role may not run the button's command is refused before the button is
     * used, so a guest's click on a channel's Confirm leaves it for a release manager.
     */
    public Interactions(ChatEventStore events, ChatButtonStore buttons, Dialogues dialogues, String instance, Clock clock,
                        MayRun mayRun) {
        this.mayRun = mayRun;
        this.events = events;
        this.buttons = buttons;
        this.dialogues = dialogues;
        this.instance = instance;
        this.clock = clock;
    }

    /** Multi-step dialogues (triage, scheduled-run proposals), persisted. */
    public Dialogues dialogues() {
        return dialogues;
    }

    public Claim claim(String platform, String eventId) {
        try {
            if (events.claim(platform, eventId, instance)) return new Claimed(eventId);
            log.info("{} event {} was already handled; skipped", platform, eventId);
            return new AlreadyHandled(eventId);
        } catch (RuntimeException e) {
            log.error("could not claim {} event {}; not handling it: {}", platform, eventId, e.getMessage());
            return new Unrecorded(eventId, e.getMessage());
        }
    }

    /** Gives an event back when it could not be handled (no channel to answer in), so a retry can. */
    public void release(String platform, String eventId) {
        try {
            events.release(platform, eventId);
        } catch (RuntimeException e) {
            log.error("could not release {} event {}: {}", platform, eventId, e.getMessage());
        }
    }

    /** Stores a button for a reply to {@code askedBy} and returns its opaque id. */
    public String issue(Block.Button button, ChatRequest askedBy) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString().replace("-", "");
        String mayClick = button.style() == Block.Button.Style.DANGER ? askedBy.userId() : null;
        buttons.issue(new ChatButtonStore.IssuedButton(id, askedBy.platform(), button.command(), button.label(), mayClick,
                now, now.plus(BUTTON_LIFETIME)));
        return id;
    }

    /** Uses the button {@code id} for {@code user}, at most once across instances. */
    public Click resolve(String id, String user, Mentions mentions) {
        java.util.Optional<ChatButtonStore.IssuedButton> issued = buttons.issued(id);
        if (issued.isPresent() && !mayRun.test(issued.get().platform(), user, issued.get().command()))
            return new NotYours("release managers", "`" + issued.get().command() + "` is for release managers; your click "
                    + "changed nothing and the button stays for them.");
        ChatButtonStore.Click click = buttons.use(id, user);
        if (click instanceof ChatButtonStore.Usable usable)
            return new Run(usable.button().command(), usable.button().label());
        if (click instanceof ChatButtonStore.AlreadyUsed used)
            return new AlreadyUsed(used.usedBy(), "This button was already used by " + mentions.of(used.usedBy())
                    + "; nothing ran twice.");
        if (click instanceof ChatButtonStore.Expired expired)
            return new Expired(expired.button().command(), "This button expired. Type `" + expired.button().command()
                    + "` to run it now.");
        if (click instanceof ChatButtonStore.NotYours notYours)
            return new NotYours(notYours.button().mayClick(), "Only " + mentions.of(notYours.button().mayClick())
                    + " can answer this button. You can type `" + notYours.button().command() + "` yourself.");
        return new Unknown("The bot no longer knows this button; run the command again.");
    }

    /** An announcement as posted: no buttons (who could click them is the asker's, not the channel's). */
    public static Reply withoutButtons(Reply message) {
        List<Block> blocks = message.blocks().stream().filter(b -> !(b instanceof Block.Buttons)).toList();
        return new Reply(message.outcome(), blocks, false);
    }
}
