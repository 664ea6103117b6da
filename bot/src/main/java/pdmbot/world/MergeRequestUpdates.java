package pdmbot.world;

import pdmbot.domain.Environment;

/** Tells a merge request that its post-deploy migration ran on an environment. */
public interface MergeRequestUpdates {

    /**
     * Adds a label such as {@code workflow::post-deploy-db-staging} to the merge request; adding a label it already
     * has changes nothing.
     */
    void addLabel(MergeRequestRef mergeRequest, String label);

    /**
     * Shows the merge request as deployed to {@code db/<environment>} by {@code deployment}. On GitLab a successful
     * deployment links the merge requests of its commit range itself; an implementation may then do nothing, or
     * link explicitly. Doing it twice changes nothing.
     */
    void addEnvironment(MergeRequestRef mergeRequest, Environment environment, DeploymentRecord deployment);
}
