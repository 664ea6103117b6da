package pdmbot.world.gitlab;

import pdmbot.world.WorldException;

/**
 * Base of the failures of a GitLab call that could not go on; each subclass names the action. The message names
 * GitLab, the request and the status, never the token.
 */
public abstract class GitLabException extends WorldException {

    protected GitLabException(String message, Throwable cause) {
        super(message, cause);
    }
}
