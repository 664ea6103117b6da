package pdmbot.world.local;

import java.time.Clock;
import java.util.List;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;

/**
 * The simulated production tracker of the local-checkout world ({@link LocalOperations}): incidents and change
 * requests. Called by {@link LocalOperations} under its lock, on its state; {@code save} writes that state.
 */
final class LocalTracker {

    private final LocalOperationsState state;
    private final Clock clock;
    private final Runnable save;

    LocalTracker(LocalOperationsState state, Clock clock, Runnable save) {
        this.state = state;
        this.clock = clock;
        this.save = save;
    }

    Incident openIncident(int severity, boolean blocking) {
        LocalOperationsState.Issue issue = issue("#" + (500 + state.nextId++), "Demo incident: elevated error rates", severity,
                true, blocking);
        state.incidents.add(issue);
        save.run();
        return toIncident(issue);
    }

    /** Opens an incident with its own title (a triage's), as the production tracker would. */
    Incident openIncident(String title, int severity) {
        LocalOperationsState.Issue issue = issue("#" + (500 + state.nextId++), title, severity, true, false);
        state.incidents.add(issue);
        save.run();
        return toIncident(issue);
    }

    /** Closes every open incident; how many there were. */
    int closeIncidents() {
        int n = state.incidents.size();
        state.incidents.clear();
        save.run();
        return n;
    }

    ChangeRequest openChangeRequest(int criticality, boolean blocking) {
        LocalOperationsState.Issue issue = issue("#" + (17000 + state.nextId++), "Demo change: database maintenance",
                criticality, true, blocking);
        state.changeRequests.add(issue);
        save.run();
        return toChangeRequest(issue);
    }

    int closeChangeRequests() {
        int n = state.changeRequests.size();
        state.changeRequests.clear();
        save.run();
        return n;
    }

    private LocalOperationsState.Issue issue(String id, String title, int level, boolean inProgress, boolean blocking) {
        LocalOperationsState.Issue issue = new LocalOperationsState.Issue();
        issue.id = id;
        issue.title = title;
        issue.level = level;
        issue.inProgress = inProgress;
        issue.blocking = blocking;
        issue.openedAt = clock.instant();
        return issue;
    }

    List<Incident> activeIncidents() {
        return state.incidents.stream().map(LocalTracker::toIncident).toList();
    }

    List<ChangeRequest> activeChangeRequests() {
        return state.changeRequests.stream().map(LocalTracker::toChangeRequest).toList();
    }

    private static Incident toIncident(LocalOperationsState.Issue i) {
        return new Incident(i.id, i.title, i.level, i.blocking, "", i.openedAt);
    }

    private static ChangeRequest toChangeRequest(LocalOperationsState.Issue i) {
        return new ChangeRequest(i.id, i.title, i.level, i.inProgress, i.blocking, "", i.openedAt);
    }
}
