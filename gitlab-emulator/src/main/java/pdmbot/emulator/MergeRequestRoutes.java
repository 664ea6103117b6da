package pdmbot.emulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.emulator.EmulatorState.MergeRequest;
import pdmbot.emulator.EmulatorState.Project;

/** Merge requests: {@code lib/api/merge_requests.rb}, EE {@code merge_request_approvals.rb}, {@code lib/api/commits.rb}. */
final class MergeRequestRoutes {

    private static final List<String> UPDATABLE = List.of("target_branch", "title", "assignee_id", "assignee_ids",
            "reviewer_ids", "description", "labels", "add_labels", "remove_labels", "milestone_id", "remove_source_branch",
            "allow_collaboration", "allow_maintainer_to_push", "squash", "discussion_locked", "state_event");

    private final EmulatorWorld world;

    MergeRequestRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id/merge_requests/:merge_request_iid", this::get)
                .put("/projects/:id/merge_requests/:merge_request_iid", this::update)
                .get("/projects/:id/merge_requests/:merge_request_iid/approvals", this::approvals)
                .get("/projects/:id/repository/commits/:sha/merge_requests", this::ofCommit);
    }

    private MergeRequest find(ApiRequest r, Project p) {
        String iid = r.path("merge_request_iid");
        return world.state.mergeRequests.stream()
                .filter(m -> m.projectId() == p.id() && iid.matches("\\d+") && m.iid() == Long.parseLong(iid))
                .findFirst().orElseThrow(() -> Refusal.notFound("Merge Request"));
    }

    private Answer get(ApiRequest r) {
        Project p = world.project(r);
        return Answer.ok(IssueEntities.mergeRequest(find(r, p), world));
    }

    /**
     * {@code PUT merge_requests/:iid}: labels replace, add_labels/remove_labels (comma-separated; unknown labels are
     * created); nothing to update → 400 "… are missing, at least one parameter must be provided".
     */
    private Answer update(ApiRequest r) {
        r.writer();
        Project p = world.project(r);
        if (UPDATABLE.stream().noneMatch(r::has))
            throw Refusal.invalidParameter(String.join(", ", UPDATABLE) + " are missing, at least one parameter must be provided");
        MergeRequest m = find(r, p);
        Set<String> labels = new LinkedHashSet<>(r.param("labels").map(IssueRoutes::labelList).orElse(m.labels()));
        r.param("add_labels").map(IssueRoutes::labelList).ifPresent(labels::addAll);
        r.param("remove_labels").map(IssueRoutes::labelList).ifPresent(labels::removeAll);
        MergeRequest next = m.withLabels(List.copyOf(labels), world.now());
        EmulatorState.replace(world.state.mergeRequests, m, next);
        LabelEventRoutes.record(world, m, next, r.writer().id());
        world.save();
        return Answer.ok(IssueEntities.mergeRequest(next, world));
    }

    private Answer approvals(ApiRequest r) {
        Project p = world.project(r);
        return Answer.ok(IssueEntities.approvals(find(r, p), world));
    }

    /**
     * {@code GET repository/commits/:sha/merge_requests}: the merge requests that contain the commit, found from the
     * merge request's own head commit as well as from its merge commit ({@code Commit#merge_requests}).
     */
    private Answer ofCommit(ApiRequest r) {
        Project p = world.project(r);
        RevCommit c = RepositoryRoutes.commitOr404(world.repository(p), r.path("sha"), "Commit");
        List<MergeRequest> rows = world.state.mergeRequests.stream().filter(m -> m.projectId() == p.id())
                .filter(m -> c.name().equals(m.sha()) || c.name().equals(m.mergeCommitSha())).toList();
        return Pagination.page(r, rows, m -> IssueEntities.mergeRequest(m, world));
    }
}
