package pdmbot.world.demo;

import java.time.Clock;
import java.util.List;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;

/**
 * The simulated production tracker of the local-checkout world ({@link DemoOperations}): incidents and change
 * requests. Called by {@link DemoOperations} under its lock, on its state; {@code save} writes that state.
 */
final class DemoTracker {

    private final DemoOperationsState state;
    private final Clock clock;
    private final Runnable save;

    DemoTracker(DemoOperationsState state, Clock clock, Runnable save) {
        this.state = state;
        this.clock = clock;
        this.save = save;
    }

    Incident openIncident(int severity, boolean blocking) {
        DemoOperationsState.Issue issue = issue("#" + (500 + state.nextId++), "Demo incident: elevated error rates", severity,
                true, blocking);
        state.incidents.add(issue);
        save.run();
        return toIncident(issue);
    }

    /** Opens an incident with its own title (a triage's), as the production tracker would. */
    Incident openIncident(String title, int severity) {
        DemoOperationsState.Issue issue = issue("#" + (500 + state.nextId++), title, severity, true, false);
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
        DemoOperationsState.Issue issue = issue("#" + (17000 + state.nextId++), "Demo change: database maintenance",
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

    private DemoOperationsState.Issue issue(String id, String title, int level, boolean inProgress, boolean blocking) {
        DemoOperationsState.Issue issue = new DemoOperationsState.Issue();
        issue.id = id;
        issue.title = title;
        issue.level = level;
        issue.inProgress = inProgress;
        issue.blocking = blocking;
        issue.openedAt = clock.instant();
        return issue;
    }

    List<Incident> activeIncidents() {
        return state.incidents.stream().map(DemoTracker::toIncident).toList();
    }

    List<ChangeRequest> activeChangeRequests() {
        return state.changeRequests.stream().map(DemoTracker::toChangeRequest).toList();
    }

    private static Incident toIncident(DemoOperationsState.Issue i) {
        return new Incident(i.id, i.title, i.level, i.blocking, "", i.openedAt);
    }

    private static ChangeRequest toChangeRequest(DemoOperationsState.Issue i) {
        return new ChangeRequest(i.id, i.title, i.level, i.inProgress, i.blocking, "", i.openedAt);
    }
}
