package pdmbot.domain.interaction;

import java.time.Instant;

/**
 * The server-side state behind a chat button's opaque id: the command words a click runs, who may
 * click and until when. A click uses the button at most once, across instances.
 */
public interface ChatButtonStore {

    /** What a button was issued with; {@code mayClick} null means anyone who sees it (roles still apply). */
    record IssuedButton(String id, String platform, String command, String label, String mayClick,
                        Instant createdAt, Instant expiresAt) {
    }

    /** The outcome of a click. */
    sealed interface Click permits Usable, AlreadyUsed, Expired, NotYours, Unknown {
    }

    /** This click won: run {@code button.command()} as the clicking user. */
    record Usable(IssuedButton button) implements Click {
    }

    record AlreadyUsed(IssuedButton button, String usedBy) implements Click {
    }

    record Expired(IssuedButton button) implements Click {
    }

    record NotYours(IssuedButton button) implements Click {
    }

    record Unknown(String id) implements Click {
    }

    /** Stores a button; the id is the opaque value the platform carries. */
    void issue(IssuedButton button);

    /** The button as issued (used or not), without using it; empty when the id is unknown. */
    java.util.Optional<IssuedButton> issued(String id);

    /** Uses the button for {@code user} if it is still unused, unexpired and theirs to click. */
    Click use(String id, String user);

    /** Forgets buttons that expired before {@code before}. Returns how many went. */
    int forgetExpiredBefore(Instant before);
}
