package pdmbot.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every route works on: the state, the repositories, the clock and the folder they persist to. Requests are
 * handled one at a time under {@link #lock}; a request that changed something saves the state before it answers.
 */
final class EmulatorWorld implements AutoCloseable {

    final Object lock = new Object();
    final EmulatorState state;
    final EmulatorClock clock;
    EmulatorSettings settings;
    private final Path folder;
    private final Map<Long, ProjectRepository> repositories = new HashMap<>();

    EmulatorWorld(Path folder, EmulatorState state, EmulatorClock clock, EmulatorSettings settings) {
        this.folder = folder;
        this.state = state;
        this.clock = clock;
        this.settings = settings;
    }

    Path folder() {
        return folder;
    }

    Instant now() {
        return clock.now();
    }

    private int deferred;

    /** Runs {@code work} with one save at its end instead of one per change (seeding hundreds of rows). */
    void inOneSave(Runnable work) {
        deferred++;
        try {
            work.run();
        } finally {
            deferred--;
        }
        save();
    }

    void save() {
        if (deferred > 0) return;
        state.clockOffsetMillis = clock.offset().toMillis();
        StateFile.save(folder, state);
    }

    void restoreClock() {
        clock.offset(Duration.ofMillis(state.clockOffsetMillis));
    }

    /**
     * The project named by the {@code :id} path parameter, numeric or full path (URL-decoded). Anonymous callers see
     * public projects only: a private one answers 404 Project Not Found, never 401/403 (lib/api/helpers.rb
     * {@code find_project!}, which hides what the caller may not read).
     */
    EmulatorState.Project project(ApiRequest request) {
        String id = request.path("id");
        Optional<EmulatorState.Project> found = state.projects.stream()
                .filter(p -> id.matches("\\d+") ? p.id() == Long.parseLong(id) : p.fullPath().equalsIgnoreCase(id))
                .findFirst();
        if (found.isEmpty() || (!found.get().isPublic() && request.user().isEmpty())) throw Refusal.notFound("Project");
        return found.get();
    }

    Optional<EmulatorState.Project> projectByPath(String fullPath) {
        return state.projects.stream().filter(p -> p.fullPath().equalsIgnoreCase(fullPath)).findFirst();
    }

    Optional<EmulatorState.Project> projectById(long id) {
        return state.projects.stream().filter(p -> p.id() == id).findFirst();
    }

    ProjectRepository repository(EmulatorState.Project project) {
        return repositories.computeIfAbsent(project.id(), id -> {
            Path dir = folder.resolve(project.repository());
            try {
                return ProjectRepository.open(dir);
            } catch (IOException e) {
                throw new UnableToReadRepositoryException("the repository of " + project.fullPath() + " at " + dir
                        + " cannot be opened: " + e.getMessage(), e);
            }
        });
    }

    /** Forgets an open repository so the next read sees what a seed wrote to it. */
    void reopen(long projectId) {
        ProjectRepository open = repositories.remove(projectId);
        if (open != null) open.close();
    }

    EmulatorState.User user(long id) {
        return state.users.stream().filter(u -> u.id() == id).findFirst()
                .orElse(new EmulatorState.User(id, "ghost", "Ghost User", false));
    }

    void useWebUrl(String url) {
        settings = settings.withWebUrl(url);
    }

    String webUrl(EmulatorState.Project project) {
        return settings.webUrl() + "/" + project.fullPath();
    }

    EmulatorState.Issue createIssue(EmulatorState.Project p, String title, String description, java.util.List<String> labels,
                                    String type, long authorId) {
        long iid = state.issues.stream().filter(i -> i.projectId() == p.id()).mapToLong(EmulatorState.Issue::iid).max().orElse(0) + 1;
        Instant now = now();
        EmulatorState.Issue issue = new EmulatorState.Issue(state.nextId(), iid, p.id(), title, description, "opened",
                java.util.List.copyOf(labels), type, authorId, now, now, null);
        state.issues.add(issue);
        return issue;
    }

    EmulatorState.PlannedFailure planFailure(String project, java.util.Map<String, String> variables, String job,
                                             String migration, String error) {
        EmulatorState.PlannedFailure planned = new EmulatorState.PlannedFailure(state.nextId(), project,
                java.util.Map.copyOf(variables), job, migration, error);
        state.plannedFailures.add(planned);
        return planned;
    }

    @Override
    public void close() {
        repositories.values().forEach(ProjectRepository::close);
        repositories.clear();
    }
}
