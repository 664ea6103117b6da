package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import pdmbot.emulator.EmulatorState.LabelEvent;
import pdmbot.emulator.EmulatorState.MergeRequest;
import pdmbot.emulator.EmulatorState.Project;

/**
 * {@code GET /projects/:id/merge_requests/:merge_request_iid/resource_label_events} (lib/api/resource_label_events.rb,
 * paginated; entity lib/api/entities/resource_label_event.rb: id, user (UserBasic), created_at, resource_type,
 * resource_id, label (LabelBasic), action add|remove). Events are recorded when labels change through the API; a
 * seeded merge request gets one {@code add} per label: by its author, except {@code database::approved}, added by its
 * last approver (GitLab's database review has the approving database maintainer set it,
 * doc/development/database_review.md; who sets it on a seeded MR is inferred).
 */
final class LabelEventRoutes {

    static final String DATABASE_APPROVED = "database::approved";

    private final EmulatorWorld world;

    LabelEventRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id/merge_requests/:merge_request_iid/resource_label_events", this::list);
    }

    private Answer list(ApiRequest r) {
        Project p = world.project(r);
        String iid = r.path("merge_request_iid");
        MergeRequest m = world.state.mergeRequests.stream()
                .filter(x -> x.projectId() == p.id() && iid.matches("\\d+") && x.iid() == Long.parseLong(iid))
                .findFirst().orElseThrow(() -> Refusal.notFound("Merge Request"));
        List<LabelEvent> rows = world.state.labelEvents.stream().filter(e -> e.mergeRequestId() == m.id()).toList();
        return Pagination.page(r, rows, this::entity);
    }

    private ObjectNode entity(LabelEvent e) {
        ObjectNode json = Json.object();
        json.put("id", e.id());
        json.set("user", RecordEntities.user(world.user(e.userId()), world.settings.webUrl()));
        json.put("created_at", Json.time(e.createdAt()));
        json.put("resource_type", "MergeRequest");
        json.put("resource_id", e.mergeRequestId());
        ObjectNode label = Json.object();
        label.put("id", Math.abs(e.label().hashCode()) % 100_000);
        label.put("name", e.label());
        label.put("color", e.label().startsWith("database") ? "#428BCA" : "#6699cc");
        label.put("description", (String) null);
        label.put("description_html", "");
        label.put("text_color", "#FFFFFF");
        json.set("label", label);
        json.put("action", e.action());
        return json;
    }

    /** Events for a merge request seeded with its labels. */
    static void seedEvents(EmulatorWorld world, MergeRequest m, List<Long> approvedBy) {
        for (String label : m.labels()) {
            long by = label.equals(DATABASE_APPROVED) && !approvedBy.isEmpty() ? approvedBy.get(approvedBy.size() - 1) : m.authorId();
            world.state.labelEvents.add(new LabelEvent(world.state.nextId(), m.projectId(), m.id(), m.iid(), by, label, "add",
                    m.mergedAt() == null ? m.updatedAt() : m.mergedAt().minusSeconds(3_600)));
        }
    }

    /** Events for labels a PUT added or removed, by the caller. */
    static void record(EmulatorWorld world, MergeRequest before, MergeRequest after, long userId) {
        for (String label : after.labels())
            if (!before.labels().contains(label))
                world.state.labelEvents.add(new LabelEvent(world.state.nextId(), after.projectId(), after.id(), after.iid(), userId,
                        label, "add", world.now()));
        for (String label : before.labels())
            if (!after.labels().contains(label))
                world.state.labelEvents.add(new LabelEvent(world.state.nextId(), after.projectId(), after.id(), after.iid(), userId,
                        label, "remove", world.now()));
    }
}
