package pdmbot.world;

import java.util.Objects;
import java.util.Optional;

/**
 * The ports a failure triage talks to: merge request reviews, the production tracker where it opens an incident,
 * and GitLab's admin API that marks a migration executed. One implementation set per world (demo, GitLab).
 */
public record TriagePorts(Reviews reviews, IncidentTracker tracker, MigrationMarks marks) {

    public TriagePorts {
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(marks, "marks");
    }

    /** Answers who wrote and approved a merge request. */
    @FunctionalInterface
    public interface Reviews {
        Optional<MergeRequestReview> of(MergeRequestRef mergeRequest);
    }

    /** Opens an incident issue in the production tracker. */
    @FunctionalInterface
    public interface IncidentTracker {
        /** Opens it with the labels GitLab's infrastructure team uses; {@code severity} 1 to 4. */
        OpenedIncident open(String title, String description, int severity);
    }

    public record OpenedIncident(String reference, String url) {
    }

    /** Marks a post-deploy migration as executed on an environment's database (GitLab's admin migrations API). */
    @FunctionalInterface
    public interface MigrationMarks {
        Mark mark(pdmbot.domain.Environment environment, pdmbot.domain.LogicalDatabase database, String version);
    }

    /** What marking gave; each case carries GitLab's answer or the world's sentence. */
    public sealed interface Mark permits Marked, NotPending, NotFound, NotHere {
    }

    public record Marked(String answer) implements Mark {
    }

    /** Already applied there: GitLab's 422 "You can mark only pending migrations". */
    public record NotPending(String answer) implements Mark {
    }

    /** Not a migration of the code running there: GitLab's 404. */
    public record NotFound(String answer) implements Mark {
    }

    /** This world cannot mark on that environment (say why and where it can be done). */
    public record NotHere(String why) implements Mark {
    }
}
