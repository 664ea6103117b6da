package pdmbot.rules.checks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The facts the production checks reason over: small immutable records the bot gathers from the world. */
public final class CheckFacts {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private CheckFacts() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** A post-deploy migration version pending on one environment's database. */
    public record PendingWork(String environment, String database, String version) {
        public PendingWork {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(version, "version");
        }
    }

    /** A deployment pipeline running on an environment; {@code staging} for gstg and gstg-cny. */
    public record Deploying(String environment, boolean staging, String packageVersion, String pipeline, Instant startedAt) {
        public Deploying {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(packageVersion, "packageVersion");
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public String describe() {
            return "a deployment of `" + packageVersion + "` is running on " + environment + " (" + source(pipeline)
                    + ", started at " + utc(startedAt) + ")";
        }

        /** {@code pipeline #4242}; an API-created deployment without a pipeline (release-tools') is named as it is: {@code deployment 1678}. */
        public static String source(String pipeline) {
            return pipeline.startsWith("deployment ") ? pipeline : "pipeline " + pipeline;
        }
    }

    /** An active incident. */
    public record OpenIncident(String id, String title, int severity, boolean blocksDeployments) {
        public OpenIncident {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }

        public String describe() {
            return "incident " + id + " \"" + title + "\" (severity " + severity
                    + (blocksDeployments ? ", blocks deployments" : "") + ") is active";
        }
    }

    /** A change request in progress or labelled blocking; criticality 1 (C1) to 4 (C4). */
    public record OpenChangeRequest(String id, String title, int criticality, boolean inProgress, boolean blocksDeployments) {
        public OpenChangeRequest {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }

        public String describe() {
            return "change request " + id + " \"" + title + "\" (C" + criticality + (inProgress ? ", in progress" : "")
                    + (blocksDeployments ? ", blocks deployments" : "") + ")";
        }
    }

    /** A production change-lock window in force now. */
    public record ProductionChangeLock(String name, String reason, Instant until) {
        public ProductionChangeLock {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(until, "until");
            if (reason == null) reason = "";
        }

        public String describe() {
            return "production change lock \"" + name + "\" is in force until " + utc(until)
                    + (reason.isBlank() ? "" : " (" + reason + ")");
        }
    }

    /** A lock held on an environment; {@code until} is null for a lock that holds until unlocked. */
    public record HeldLock(String environment, String lockedBy, String reason, Instant until) {
        public HeldLock {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(lockedBy, "lockedBy");
            if (reason == null) reason = "";
        }

        public String describe() {
            return environment + " is locked by " + lockedBy + (reason.isBlank() ? "" : " (" + reason + ")")
                    + (until == null ? " until unlocked" : " until " + utc(until));
        }
    }

    /**
     * The checks are made for resuming run {@code runId} (a retry, or a resume after a stop), not for a new run: an
     * earlier attempt may have run everything, and what is left (labels, unlock, the note) must still be finished.
     */
    public record ResumedRun(long runId) {
    }

    /**
     * The environments the run migrates, as the checks' prose names them ({@code gstg and gprd}, {@code gstg,
     * cells-ring-0 and gprd}); without it the checks speak of GitLab.com's two.
     */
    public record RunTargets(String words) {
        public static final RunTargets GITLAB_COM = new RunTargets("gstg and gprd");

        public RunTargets {
            Objects.requireNonNull(words, "words");
        }
    }

    /** Collects facts for one evaluation. */
    public static final class Builder {
        private final List<Object> facts = new ArrayList<>();

        public Builder add(Object fact) {
            facts.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        public List<Object> build() {
            return List.copyOf(facts);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
