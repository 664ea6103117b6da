package pdmbot.world.gitlab;

/** GitLab could not create or finish a db/gstg or db/gprd deployment. */
public final class UnableToRecordDeploymentException extends GitLabException {

    public UnableToRecordDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
