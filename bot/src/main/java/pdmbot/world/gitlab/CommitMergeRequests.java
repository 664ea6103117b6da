package pdmbot.world.gitlab;

import java.util.List;
import org.gitlab4j.api.models.MergeRequest;

/**
 * The merge requests that brought a commit, asked project by project: {@code GET commits/:sha/merge_requests} runs
 * {@code MergeRequestsFinder.new(current_user, project_id: user_project.id, commit_sha: …)} (lib/api/commits.rb), so
 * it lists only merge requests whose target is the project asked. GitLab.com's migrations are merged in the canonical
 * project and read in the security one, so canonical is asked first, then security (picks and security fixes).
 */
final class CommitMergeRequests {

    private final List<GitLabRepository> projects;

    /** {@code projects} in the order they are asked; a project that lacks the commit (404) answers none. */
    CommitMergeRequests(List<GitLabRepository> projects) {
        if (projects.isEmpty()) throw new IllegalArgumentException("at least one project to ask");
        this.projects = List.copyOf(projects);
    }

    /** The merge requests of the first project that lists any; empty when none does. */
    List<MergeRequest> of(String sha) {
        for (GitLabRepository project : projects) {
            List<MergeRequest> found = project.mergeRequestsOf(sha);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }
}
