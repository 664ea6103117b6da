package pdmbot.world.gitlab;

/** GitLab refused or failed a triage call; the message names the request and the status, never the token. */
public final class UnableToReadMergeRequestException extends GitLabException {

    public UnableToReadMergeRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
