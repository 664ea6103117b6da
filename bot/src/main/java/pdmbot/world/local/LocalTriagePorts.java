package pdmbot.world.local;

import pdmbot.world.demo.DemoSeed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import pdmbot.world.DatabaseState;
import pdmbot.world.Incident;
import pdmbot.world.MergeRequestReview;
import pdmbot.world.TriagePorts;

/**
 * The demo's answers to a triage: every merge request of the demo history was approved by two maintainers, one of
 * them in the database maintainers group who also added {@code database::approved} (as GitLab's database review
 * process has it, doc/development/database_review.md); incidents go to the demo's production tracker; a mark records
 * the migration as run, as {@code POST /admin/migrations/:timestamp/mark} inserts it into schema_migrations.
 */
public final class LocalTriagePorts {

    /** The demo's database maintainers (the group a reviewer must be in). */
    public static final List<String> DATABASE_MAINTAINERS = DemoSeed.DATABASE_MAINTAINERS;
    private static final List<String> MAINTAINERS = List.of("maint-lucia", "maint-omar", "maint-pieter", "maint-sana");

    private LocalTriagePorts() {
    }

    public static TriagePorts of(LocalOperations operations, DatabaseState databases, Clock clock) {
        TriagePorts.Reviews reviews = mr -> {
            String maintainer = MAINTAINERS.get(mr.iid() % MAINTAINERS.size());
            String database = DATABASE_MAINTAINERS.get(mr.iid() % DATABASE_MAINTAINERS.size());
            return Optional.of(new MergeRequestReview(mr, "", "", "https://gitlab.example.com/" + mr.projectPath()
                    + "/-/merge_requests/" + mr.iid(), List.of(maintainer, database), List.of(database)));
        };
        TriagePorts.IncidentTracker tracker = (title, description, severity) -> {
            Incident opened = operations.openIncident(title, severity);
            return new TriagePorts.OpenedIncident(opened.id(), opened.url());
        };
        TriagePorts.MigrationMarks marks = (environment, database, version) -> {
            if (databases.hasRun(environment, database, version))
                return new TriagePorts.NotPending("You can mark only pending migrations");
            databases.recordRun(environment, database, version, clock.instant());
            return new TriagePorts.Marked("201 Created");
        };
        return new TriagePorts(reviews, tracker, marks);
    }
}
