package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import pdmbot.emulator.EmulatorState.Issue;
import pdmbot.emulator.EmulatorState.MergeRequest;
import pdmbot.emulator.EmulatorState.Note;
import pdmbot.emulator.EmulatorState.Project;

/** JSON of {@code lib/api/entities/{issue_basic,issue,note,merge_request_basic,merge_request}.rb} and EE's approval state. */
final class IssueEntities {

    private IssueEntities() {
    }

    static ObjectNode issue(Issue i, EmulatorWorld world) {
        Project p = world.projectById(i.projectId()).orElseThrow();
        ObjectNode json = Json.object();
        json.put("id", i.id());
        json.put("iid", i.iid());
        json.put("project_id", i.projectId());
        json.put("title", i.title());
        json.put("description", i.description());
        json.put("state", i.state());
        json.put("created_at", Json.time(i.createdAt()));
        json.put("updated_at", Json.time(i.updatedAt()));
        json.put("closed_at", Json.time(i.closedAt()));
        json.putNull("closed_by");
        ArrayNode labels = json.putArray("labels");
        RecordEntities.sortedLabels(i.labels()).forEach(labels::add);
        json.putNull("milestone");
        json.putArray("assignees");
        json.set("author", RecordEntities.user(world.user(i.authorId()), world.settings.webUrl()));
        json.put("type", i.issueType().toUpperCase());
        json.putNull("assignee");
        json.put("user_notes_count", world.state.notes.stream().filter(n -> n.projectId() == i.projectId() && n.issueIid() == i.iid()).count());
        json.put("merge_requests_count", 0);
        json.put("upvotes", 0);
        json.put("downvotes", 0);
        json.putNull("due_date");
        json.put("confidential", false);
        json.putNull("discussion_locked");
        json.put("issue_type", i.issueType());
        json.put("web_url", world.webUrl(p) + "/-/issues/" + i.iid());
        ObjectNode time = json.putObject("time_stats");
        time.put("time_estimate", 0);
        time.put("total_time_spent", 0);
        time.putNull("human_time_estimate");
        time.putNull("human_total_time_spent");
        ObjectNode tasks = json.putObject("task_completion_status");
        tasks.put("count", 0);
        tasks.put("completed_count", 0);
        json.put("has_tasks", false);
        ObjectNode refs = json.putObject("references");
        refs.put("short", "#" + i.iid());
        refs.put("relative", "#" + i.iid());
        refs.put("full", p.fullPath() + "#" + i.iid());
        // the severity field is the incident's own severity, not the severity::N labels (gitlab-facts §4)
        json.put("severity", "UNKNOWN");
        json.putNull("moved_to_id");
        return json;
    }

    static ObjectNode note(Note n, EmulatorWorld world) {
        ObjectNode json = Json.object();
        json.put("id", n.id());
        json.putNull("type");
        json.put("body", n.body());
        json.putNull("attachment");
        json.set("author", RecordEntities.user(world.user(n.authorId()), world.settings.webUrl()));
        json.put("created_at", Json.time(n.createdAt()));
        json.put("updated_at", Json.time(n.createdAt()));
        json.put("system", false);
        long issueId = world.state.issues.stream().filter(i -> i.projectId() == n.projectId() && i.iid() == n.issueIid())
                .mapToLong(Issue::id).findFirst().orElse(0);
        json.put("noteable_id", issueId);
        json.put("noteable_type", "Issue");
        json.put("project_id", n.projectId());
        json.put("resolvable", false);
        json.put("confidential", false);
        json.put("internal", false);
        json.put("noteable_iid", n.issueIid());
        json.putObject("commands_changes");
        return json;
    }

    static ObjectNode mergeRequest(MergeRequest m, EmulatorWorld world) {
        Project p = world.projectById(m.projectId()).orElseThrow();
        ObjectNode json = Json.object();
        json.put("id", m.id());
        json.put("iid", m.iid());
        json.put("project_id", m.projectId());
        json.put("title", m.title());
        json.put("description", m.description());
        json.put("state", m.state());
        json.put("created_at", Json.time(m.createdAt()));
        json.put("updated_at", Json.time(m.updatedAt()));
        json.put("merged_at", Json.time(m.mergedAt()));
        json.putNull("closed_by");
        json.putNull("closed_at");
        json.put("target_branch", m.targetBranch());
        json.put("source_branch", m.sourceBranch());
        json.put("user_notes_count", 0);
        json.put("upvotes", 0);
        json.put("downvotes", 0);
        json.set("author", RecordEntities.user(world.user(m.authorId()), world.settings.webUrl()));
        json.putArray("assignees");
        json.putNull("assignee");
        json.putArray("reviewers");
        json.put("source_project_id", m.projectId());
        json.put("target_project_id", m.projectId());
        ArrayNode labels = json.putArray("labels");
        RecordEntities.sortedLabels(m.labels()).forEach(labels::add);
        json.put("draft", false);
        json.put("work_in_progress", false);
        json.putNull("milestone");
        json.put("merge_when_pipeline_succeeds", false);
        json.put("merge_status", "can_be_merged");
        json.put("detailed_merge_status", m.state().equals("merged") ? "not_open" : "mergeable");
        json.put("sha", m.sha());
        json.put("merge_commit_sha", m.mergeCommitSha());
        json.putNull("squash_commit_sha");
        json.putNull("discussion_locked");
        json.put("should_remove_source_branch", true);
        json.put("force_remove_source_branch", true);
        json.put("reference", "!" + m.iid());
        ObjectNode refs = json.putObject("references");
        refs.put("short", "!" + m.iid());
        refs.put("relative", "!" + m.iid());
        refs.put("full", p.fullPath() + "!" + m.iid());
        json.put("web_url", world.webUrl(p) + "/-/merge_requests/" + m.iid());
        json.put("squash", false);
        json.put("has_conflicts", false);
        json.put("blocking_discussions_resolved", true);
        return json;
    }

    /** EE's {@code GET merge_requests/:iid/approvals} (ee/lib/ee/api/entities/approval_state.rb): approved_by is [{user}]. */
    static ObjectNode approvals(MergeRequest m, EmulatorWorld world) {
        ObjectNode json = Json.object();
        json.put("id", m.id());
        json.put("iid", m.iid());
        json.put("project_id", m.projectId());
        json.put("title", m.title());
        json.put("description", m.description());
        json.put("state", m.state());
        json.put("created_at", Json.time(m.createdAt()));
        json.put("updated_at", Json.time(m.updatedAt()));
        json.put("merge_status", "can_be_merged");
        int left = Math.max(0, m.approvalsRequired() - m.approvedBy().size());
        json.put("approved", left == 0);
        json.put("approvals_required", m.approvalsRequired());
        json.put("approvals_left", left);
        json.put("require_password_to_approve", false);
        ArrayNode by = json.putArray("approved_by");
        for (long id : m.approvedBy()) by.addObject().set("user", RecordEntities.user(world.user(id), world.settings.webUrl()));
        json.putArray("suggested_approvers");
        json.putArray("approvers");
        json.putArray("approver_groups");
        json.put("user_has_approved", false);
        json.put("user_can_approve", false);
        json.putArray("approval_rules_left");
        json.put("has_approval_rules", m.approvalsRequired() > 0);
        json.put("merge_request_approvers_available", true);
        json.put("multiple_approval_rules_available", true);
        json.putArray("invalid_approvers_rules");
        return json;
    }
}
