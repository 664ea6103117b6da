package pdmbot.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.emulator.EmulatorState.Issue;
import pdmbot.emulator.EmulatorState.Note;
import pdmbot.emulator.EmulatorState.Project;

/** Issues and their notes: {@code lib/api/issues.rb}, {@code app/finders/issues_finder.rb}, {@code lib/api/notes.rb}. */
final class IssueRoutes {

    private static final List<String> UPDATABLE = List.of("title", "description", "labels", "add_labels",
            "remove_labels", "state_event", "issue_type");

    private final EmulatorWorld world;

    IssueRoutes(EmulatorWorld world) {
        this.world = world;
    }

    void register(Router router) {
        router.get("/projects/:id/issues", this::list)
                .get("/projects/:id/issues/:issue_iid", this::get)
                .post("/projects/:id/issues", this::create)
                .put("/projects/:id/issues/:issue_iid", this::update)
                .get("/projects/:id/issues/:issue_iid/notes", this::notes)
                .post("/projects/:id/issues/:issue_iid/notes", this::createNote);
    }

    static List<String> labelList(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * {@code GET issues}: state opened|closed|all (default all); {@code labels=a,b} means all of them, {@code None}
     * none, {@code Any} at least one; {@code not[labels]} excludes any of them; {@code iids[]}; order_by created_at
     * (default) or updated_at, sort desc (default). Public projects answer anonymously.
     */
    private Answer list(ApiRequest r) {
        Project p = world.project(r);
        String state = r.oneOf("state", "all", List.of("opened", "closed", "all"));
        String orderBy = r.oneOf("order_by", "created_at", List.of("created_at", "updated_at", "priority", "due_date",
                "relative_position", "label_priority", "milestone_due", "popularity", "weight", "title"));
        String sort = r.oneOf("sort", "desc", List.of("asc", "desc"));
        Optional<String> labels = r.param("labels");
        List<String> without = r.param("not[labels]").map(IssueRoutes::labelList).orElse(List.of());
        List<String> iids = r.params("iids");
        Optional<String> search = r.param("search");
        List<Issue> rows = new ArrayList<>();
        for (Issue i : world.state.issues) {
            if (i.projectId() != p.id()) continue;
            if (!state.equals("all") && !i.state().equals(state)) continue;
            if (labels.isPresent() && !labelsMatch(i.labels(), labels.get())) continue;
            if (i.labels().stream().anyMatch(without::contains)) continue;
            if (!iids.isEmpty() && !iids.contains(String.valueOf(i.iid()))) continue;
            if (search.isPresent() && !(i.title() + " " + i.description()).toLowerCase().contains(search.get().toLowerCase())) continue;
            rows.add(i);
        }
        Comparator<Issue> order = orderBy.equals("updated_at") ? Comparator.comparing(Issue::updatedAt)
                : orderBy.equals("title") ? Comparator.comparing(Issue::title) : Comparator.comparing(Issue::createdAt);
        order = order.thenComparingLong(Issue::id);
        rows.sort(sort.equals("asc") ? order : order.reversed());
        return Pagination.page(r, rows, i -> IssueEntities.issue(i, world));
    }

    private static boolean labelsMatch(List<String> have, String wanted) {
        if (wanted.equalsIgnoreCase("None")) return have.isEmpty();
        if (wanted.equalsIgnoreCase("Any")) return !have.isEmpty();
        return have.containsAll(labelList(wanted));
    }

    private Issue find(ApiRequest r, Project p) {
        String iid = r.path("issue_iid");
        return world.state.issues.stream().filter(i -> i.projectId() == p.id() && iid.matches("\\d+") && i.iid() == Long.parseLong(iid))
                .findFirst().orElseThrow(() -> Refusal.notFound("Issue"));
    }

    private Answer get(ApiRequest r) {
        Project p = world.project(r);
        return Answer.ok(IssueEntities.issue(find(r, p), world));
    }

    /** {@code POST issues}: title required; labels comma-separated; issue_type issue|incident|test_case|task. */
    private Answer create(ApiRequest r) {
        EmulatorState.User user = r.writer();
        Project p = world.project(r);
        r.require("title");
        String type = r.oneOf("issue_type", "issue", List.of("issue", "incident", "test_case", "requirement", "task"));
        Issue issue = world.createIssue(p, r.param("title").orElseThrow(), r.param("description").orElse(""),
                r.param("labels").map(IssueRoutes::labelList).orElse(List.of()), type, user.id());
        world.save();
        return Answer.created(IssueEntities.issue(issue, world));
    }

    /**
     * {@code PUT issues/:iid}: labels replace, add_labels/remove_labels change, state_event close|reopen; nothing to
     * update → 400 (Grape {@code at_least_one_of}).
     */
    private Answer update(ApiRequest r) {
        r.writer();
        Project p = world.project(r);
        if (UPDATABLE.stream().noneMatch(r::has))
            throw Refusal.invalidParameter(String.join(", ", UPDATABLE) + " are missing, at least one parameter must be provided");
        String event = r.oneOf("state_event", null, List.of("close", "reopen"));
        Issue i = find(r, p);
        Set<String> labels = new LinkedHashSet<>(r.param("labels").map(IssueRoutes::labelList).orElse(i.labels()));
        r.param("add_labels").map(IssueRoutes::labelList).ifPresent(labels::addAll);
        r.param("remove_labels").map(IssueRoutes::labelList).ifPresent(labels::removeAll);
        Instant now = world.now();
        String state = event == null ? i.state() : event.equals("close") ? "closed" : "opened";
        Instant closedAt = state.equals("closed") ? (i.closedAt() == null ? now : i.closedAt()) : null;
        Issue next = new Issue(i.id(), i.iid(), i.projectId(), r.param("title").orElse(i.title()),
                r.param("description").orElse(i.description()), state, List.copyOf(labels),
                r.param("issue_type").orElse(i.issueType()), i.authorId(), i.createdAt(), now, closedAt);
        EmulatorState.replace(world.state.issues, i, next);
        world.save();
        return Answer.ok(IssueEntities.issue(next, world));
    }

    private Answer notes(ApiRequest r) {
        Project p = world.project(r);
        Issue i = find(r, p);
        List<Note> rows = world.state.notes.stream().filter(n -> n.projectId() == p.id() && n.issueIid() == i.iid())
                .sorted(Comparator.comparing(Note::createdAt).reversed()).toList();
        return Pagination.page(r, rows, n -> IssueEntities.note(n, world));
    }

    /** {@code POST issues/:iid/notes}: body required ({"error":"body is missing"}); 201; no de-duplication. */
    private Answer createNote(ApiRequest r) {
        EmulatorState.User user = r.writer();
        Project p = world.project(r);
        r.require("body");
        Issue i = find(r, p);
        Note note = new Note(world.state.nextId(), p.id(), i.iid(), r.param("body").orElseThrow(), user.id(), world.now());
        world.state.notes.add(note);
        world.save();
        return Answer.created(IssueEntities.note(note, world));
    }
}
