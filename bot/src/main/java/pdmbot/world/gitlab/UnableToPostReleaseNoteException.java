package pdmbot.world.gitlab;

/** GitLab could not post a note on the release issue. */
public final class UnableToPostReleaseNoteException extends GitLabException {

    public UnableToPostReleaseNoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
