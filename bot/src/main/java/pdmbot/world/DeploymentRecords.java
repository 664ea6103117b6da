package pdmbot.world;

import pdmbot.domain.Environment;

/**
 * Records post-deploy migration deployments on the {@code db/gstg} and {@code db/gprd} environments of the
 * canonical and security projects (on GitLab: the Deployments API, status running → success or failed).
 */
public interface DeploymentRecords {

    enum Outcome { SUCCESS, FAILED }

    /**
     * Creates a <em>running</em> deployment of {@code pkg} (its commit sha and ref) on {@code db/<environment>} in
     * the project. The same {@code effectKey} must give back the deployment already created, never a second one.
     */
    DeploymentRecord createRunning(DeploymentProject project, Environment environment, AutoDeployPackage pkg,
                                   String effectKey);

    /** Marks the deployment finished; finishing it again with the same outcome changes nothing. */
    void finish(DeploymentRecord deployment, Outcome outcome);
}
