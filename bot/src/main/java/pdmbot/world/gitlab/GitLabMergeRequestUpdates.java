package pdmbot.world.gitlab;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MergeRequestUpdates;

/** Labels merge requests with {@code add_labels}, which leaves their other labels alone and adds nothing twice. */
public final class GitLabMergeRequestUpdates implements MergeRequestUpdates {

    private static final Logger log = LoggerFactory.getLogger(GitLabMergeRequestUpdates.class);

    private final GitLabJson json;

    GitLabMergeRequestUpdates(GitLabJson json) {
        this.json = json;
    }

    @Override
    public void addLabel(MergeRequestRef mergeRequest, String label) {
        if (label == null || label.isBlank() || label.contains(","))
            throw new IllegalArgumentException("one label, without commas: " + label);
        json.put(UnableToUpdateMergeRequestException::new, mergeRequest.projectPath(),
                "/merge_requests/" + mergeRequest.iid(), Map.of("add_labels", label));
    }

    /** Nothing to do: a successful deployment links the merge requests of its commit range on GitLab itself. */
    @Override
    public void addEnvironment(MergeRequestRef mergeRequest, Environment environment, DeploymentRecord deployment) {
        log.debug("{} reaches {} through deployment {}; GitLab links it when the deployment succeeds", mergeRequest,
                environment.databaseEnvironment(), deployment.id());
    }
}
