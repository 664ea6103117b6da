package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import pdmbot.durations.Prediction;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.durations.ExpectedDurations;
import pdmbot.durations.MigrationDurations;

/**
 * How long the post-deploy migrations of a plan are expected to take: every (migration, database) pending, added up,
 * since {@code db:migrate} runs them one after the other. The pipeline's other jobs and QA are not counted.
 */
final class ExpectedRun {

    private ExpectedRun() {
    }

    static Prediction on(PendingPlan plan, Environment environment, MigrationDurations durations) {
        List<Prediction> each = new ArrayList<>();
        for (PendingPlan.Entry entry : plan.on(environment))
            for (LogicalDatabase database : entry.databases())
                each.add(durations.predict(environment, database, entry.migration()));
        return ExpectedDurations.total(each);
    }

    /** {@code Expected: gstg about 3 min (2 of 7 from past runs), gprd about 14 min (…).}, or empty when nothing is pending. */
    static String line(PendingPlan plan, MigrationDurations durations) {
        List<String> parts = new ArrayList<>();
        for (Environment environment : plan.environments()) {
            if (plan.on(environment).isEmpty()) continue;
            Prediction p = on(plan, environment, durations);
            parts.add(environment.databaseEnvironment() + " " + ExpectedDurations.about(p.expected()) + " (" + p.basis() + ")");
        }
        return parts.isEmpty() ? "" : "Migrations expected to take: " + String.join(", ", parts) + ".";
    }
}
