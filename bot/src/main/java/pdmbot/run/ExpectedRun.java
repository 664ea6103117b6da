package pdmbot.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/**
 * How long the post-deploy migrations of a plan are expected to take: every (migration, database) pending, added up,
 * since {@code db:migrate} runs them one after the other; and how the bot says it ({@code about 14 min}). The
 * pipeline's other jobs and QA are not counted.
 */
public final class ExpectedRun {

    private ExpectedRun() {
    }

    /** The estimates of migrations that run one after the other, added up. */
    public static MigrationTimes.Estimate total(List<MigrationTimes.Estimate> estimates) {
        Duration sum = Duration.ZERO;
        int samples = 0;
        long fromHistory = 0;
        for (MigrationTimes.Estimate e : estimates) {
            sum = sum.plus(e.expected());
            samples += e.samples();
            if (e.samples() > 0) fromHistory++;
        }
        return new MigrationTimes.Estimate(sum, samples, fromHistory + " of " + estimates.size() + " from past runs");
    }

    /** {@code about 14 min}, rounded up to the minute; {@code under a minute}; {@code about 2 h 05 min}. */
    public static String about(Duration expected) {
        long seconds = expected.getSeconds() + (expected.getNano() > 0 ? 1 : 0);
        if (seconds < 60) return "under a minute";
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) return "about " + minutes + " min";
        return String.format("about %d h %02d min", minutes / 60, minutes % 60);
    }

    /** {@code expected about 14 min (3 of 5 from past runs)}. */
    public static String line(MigrationTimes.Estimate total) {
        return "expected " + about(total.expected()) + " (" + total.basis() + ")";
    }

    static MigrationTimes.Estimate on(PendingPlan plan, Environment environment, MigrationTimes times) {
        List<MigrationTimes.Estimate> each = new ArrayList<>();
        for (PendingPlan.Entry entry : plan.on(environment))
            for (LogicalDatabase database : entry.databases())
                each.add(times.estimate(environment, database, entry.migration()));
        return total(each);
    }

    /** {@code Migrations expected to take: db/gstg about 3 min (2 of 7 from past runs), …}, or empty when nothing is pending. */
    static String line(PendingPlan plan, MigrationTimes times) {
        List<String> parts = new ArrayList<>();
        for (Environment environment : plan.environments()) {
            if (plan.on(environment).isEmpty()) continue;
            MigrationTimes.Estimate e = on(plan, environment, times);
            parts.add(environment.databaseEnvironment() + " " + about(e.expected()) + " (" + e.basis() + ")");
        }
        return parts.isEmpty() ? "" : "Migrations expected to take: " + String.join(", ", parts) + ".";
    }
}
