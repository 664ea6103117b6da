package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import pdmbot.classification.MigrationDecisions;
import pdmbot.run.StatusDecisions;

/** The decisions as {@code pdm status} and {@code migration explain} show them: the conclusion and its reasons. */
public final class DecisionLines implements StatusDecisions, MigrationDecisions {

    private final RunDecider decider;

    public DecisionLines(RunDecider decider) {
        this.decider = decider;
    }

    private RunDecider.Schedule now() {
        Instant now = decider.clock().instant();
        return decider.schedule(now, now.plus(Duration.ofDays(7)));
    }

    @Override
    public List<String> lines() {
        ZoneId zone = decider.calendar().calendar().zone();
        List<String> lines = new ArrayList<>();
        for (RunDecider.Scheduled s : now().groups()) lines.add(line(s, zone));
        return lines;
    }

    @Override
    public List<String> linesFor(String version) {
        ZoneId zone = decider.calendar().calendar().zone();
        List<String> lines = new ArrayList<>();
        for (RunDecider.Scheduled s : now().groups())
            if (s.group().fact().versions().contains(version)) lines.add(line(s, zone));
        if (lines.isEmpty()) lines.add("not pending on gstg or gprd: there is nothing to decide");
        return lines;
    }

    private static String line(RunDecider.Scheduled s, ZoneId zone) {
        return s.group().key() + ": " + DecisionReplies.conclusion(s.now(), s.window(), zone) + " — "
                + String.join("; ", DecisionReplies.reasons(s.now()));
    }
}
