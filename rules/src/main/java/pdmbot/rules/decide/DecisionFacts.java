package pdmbot.rules.decide;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The facts the run decisions reason over ({@code decisions.drl}): small immutable records the bot gathers from the
 * world, the configuration and Prometheus. Times the rules compare are given as whole minutes from the moment decided.
 */
public final class DecisionFacts {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DecisionFacts() {
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /**
     * One group: the pending migrations of an environment sharing a nature. {@code key} names it in every
     * conclusion ({@code gprd large_index_or_fk}); tables and databases are the union of its migrations'.
     */
    public record Group(String key, String environment, String nature, List<String> versions, Set<String> tables,
                        Set<String> largeTables, Set<String> databases, long predictedMinutes, String predictedBasis) {
        public Group {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(nature, "nature");
            versions = List.copyOf(versions);
            tables = Set.copyOf(tables);
            largeTables = Set.copyOf(largeTables);
            databases = Set.copyOf(databases);
            Objects.requireNonNull(predictedBasis, "predictedBasis");
        }

        public static String keyOf(String environment, String nature) {
            return environment + " " + nature;
        }

        public String size() {
            return versions.size() + (versions.size() == 1 ? " migration" : " migrations");
        }
    }

    /** When the decision is for, in the calendar's time zone; {@code holiday} is the holiday's name, empty when none. */
    public record Moment(Instant at, String zone, String dayOfWeek, int hour, boolean weekend, String holiday) {
        public Moment {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(dayOfWeek, "dayOfWeek");
            holiday = holiday == null ? "" : holiday;
        }

        public boolean isHoliday() {
            return !holiday.isEmpty();
        }

        public boolean isWorkingDay() {
            return !weekend && holiday.isEmpty();
        }

        public String describe() {
            return dayOfWeek + " " + String.format("%02d:00", hour) + " " + zone
                    + (holiday.isEmpty() ? "" : " (holiday: " + holiday + ")");
        }
    }

    /** The traffic level at the moment, 0 (none) to 1 (the week's peak), and where it comes from. */
    public record Traffic(double load, String source) {
        public Traffic {
            Objects.requireNonNull(source, "source");
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "traffic %.2f (%s)", load, source);
        }
    }

    /**
     * When a nature may run: on working days at any hour, at weekends and holidays, in low traffic; and whether it
     * needs the time of its predicted duration free of an expected deploy.
     */
    public record Policy(String nature, boolean workingDays, boolean weekends, boolean lowTraffic, boolean needsDeployGap) {
        public Policy {
            Objects.requireNonNull(nature, "nature");
        }

        public String describe() {
            List<String> when = new java.util.ArrayList<>();
            if (workingDays) when.add("any working-day hour");
            if (weekends) when.add("weekends and holidays");
            if (lowTraffic) when.add("low traffic");
            return nature + " runs in " + (when.isEmpty() ? "no window" : String.join(" or ", when))
                    + (needsDeployGap ? ", with no deploy expected during its run" : "");
        }
    }

    /** The configured limits: traffic at or below {@code lowTraffic} is low; production's package bakes {@code bakeMinutes}. */
    public record Thresholds(double lowTraffic, long bakeMinutes, boolean unknownHealthBlocks) {
    }

    /** One database health signal: {@code stop}, {@code normal} or {@code unknown}; an empty table is database-wide. */
    public record Health(String signal, String table, String state, String detail) {
        public Health {
            Objects.requireNonNull(signal, "signal");
            table = table == null ? "" : table;
            Objects.requireNonNull(state, "state");
            if (!List.of("stop", "normal", "unknown").contains(state))
                throw new IllegalArgumentException("a health state is stop, normal or unknown: " + state);
            detail = detail == null ? "" : detail;
        }

        public String describe() {
            return signal + (table.isEmpty() ? "" : " on " + table) + " is " + state + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** A deployment running now on an environment (its own, or its canary). */
    public record DeployRunning(String environment, String description) {
    }

    /** The next deploy expected on an environment, {@code minutesAway} from the moment, and what the guess rests on. */
    public record DeployExpected(String environment, long minutesAway, Instant at, String basis) {
        public String describe() {
            return "a deploy to " + environment + " is expected at " + utc(at) + " (in " + minutesAway + " min; " + basis + ")";
        }
    }

    /** A production change lock in force at the moment. */
    public record ChangeLockInForce(String name, Instant until, String reason) {
        public String describe() {
            return "change lock \"" + name + "\" is in force until " + utc(until) + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        }
    }

    /** The next production change lock, starting {@code minutesAway} from the moment. */
    public record ChangeLockAhead(String name, long minutesAway, Instant from) {
        public String describe() {
            return "change lock \"" + name + "\" starts at " + utc(from) + " (in " + minutesAway + " min)";
        }
    }

    /** An active incident. */
    public record Incident(String id, String title, int severity, boolean blocksDeployments) {
        public String describe() {
            return "incident " + id + " \"" + title + "\" (severity " + severity + (blocksDeployments ? ", blocks deployments" : "") + ")";
        }
    }

    /** An open change request; criticality 1 (C1) to 4. */
    public record ChangeRequest(String id, String title, int criticality, boolean inProgress, boolean blocksDeployments) {
        public String describe() {
            return "change request " + id + " \"" + title + "\" (C" + criticality + (inProgress ? ", in progress" : "")
                    + (blocksDeployments ? ", blocks deployments" : "") + ")";
        }
    }

    /** A lock held on an environment. */
    public record EnvironmentLocked(String environment, String description) {
    }

    /**
     * The rollback line of an environment: the packages it can still roll back to ({@code targets}, oldest first), the
     * ones a run now would cut off, and how long its current package has run there.
     */
    public record Rollback(String environment, String currentPackage, List<String> targets, List<String> wouldCutOff,
                           long packageAgeMinutes) {
        public Rollback {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(currentPackage, "currentPackage");
            targets = List.copyOf(targets);
            wouldCutOff = List.copyOf(wouldCutOff);
        }

        public int cutOffCount() {
            return wouldCutOff.size();
        }
    }

    /** A batched background migration not finished on a database of an environment (GitLab's admin API). */
    public record UnfinishedBackgroundMigration(String environment, String database, String jobClass, String table,
                                                String status, String progress) {
        public String describe() {
            return "batched background migration " + jobClass + " on " + table + " is " + status + " on "
                    + environment + " " + database + (progress == null || progress.isBlank() ? "" : " (" + progress + ")");
        }
    }

    /**
     * A batched background migration a finalize finishes whose state on a database of an environment is not known
     * (the admin API refused the bot, the environment is another instance, or it is not among those GitLab lists).
     */
    public record UnknownBackgroundMigration(String environment, String database, String jobClass, String table,
                                             String reason) {
        public String describe() {
            return "the state of batched background migration " + (jobClass == null || jobClass.isBlank() ? "on " + table
                    : jobClass) + " on " + environment + " " + database + " is unknown (" + reason + ")";
        }
    }

    /** A background migration job class a group's finalize migration finishes, on a table. */
    public record Finalizes(String group, String version, String jobClass, String table) {
    }

    /** A migration chosen by {@code pdm execute --only}, with each table it touches (one fact per table). */
    public record Selected(String environment, String version, String table) {
    }

    /** A migration pending on an environment, with each table it touches (one fact per table). */
    public record PendingOnTable(String environment, String version, String table) {
    }

    /** The versions chosen by {@code --only} on an environment (to tell an earlier pending one that is also chosen). */
    public record Chosen(String environment, String version) {
    }
}
