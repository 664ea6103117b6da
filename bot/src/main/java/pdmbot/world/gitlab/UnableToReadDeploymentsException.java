package pdmbot.world.gitlab;

/** GitLab could not list an environment's deployments. */
public final class UnableToReadDeploymentsException extends GitLabException {

    public UnableToReadDeploymentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
