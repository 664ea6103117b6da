package pdmbot.domain;

/**
 * The one unchecked base of pdm-bot's own failures: I/O that cannot go on, a configuration that cannot be used, bad
 * words from a user. Each subclass is named for the action that failed ({@code UnableTo…Exception}) or is the base of
 * one area's failures ({@code WorldException}, {@code GitLabException}, {@code StorageException}); messages are safe
 * to show and never carry a secret. Expected outcomes are sealed results, not exceptions. It lives here, at the
 * bottom of the module graph, so that storage, rules and the bot share it.
 */
public abstract class PdmBotException extends RuntimeException {

    protected PdmBotException(String message) {
        super(message);
    }

    protected PdmBotException(String message, Throwable cause) {
        super(message, cause);
    }
}
