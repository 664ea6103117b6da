package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import pdmbot.classification.MigrationDecisions;
import pdmbot.run.StatusDecisions;

/**
 * The decisions as {@code pdm status} and {@code migration explain} show them: the conclusion and its reasons. When the
 * world cannot be read for them (GitLab down), the rest of the reply still comes, with one line saying so.
 */
public final class DecisionLines implements StatusDecisions, MigrationDecisions {

    private final RunDecider decider;

    public DecisionLines(RunDecider decider) {
        this.decider = decider;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DecisionLines.class);

    private java.util.Optional<RunDecider.Schedule> now(List<String> unavailable) {
        Instant now = decider.clock().instant();
        try {
            return java.util.Optional.of(decider.schedule(now, now.plus(Duration.ofDays(7))));
        } catch (pdmbot.world.WorldException e) {
            log.warn("the run decisions could not read the world", e);
            unavailable.add("no decision: the world could not be read for it (" + e.getMessage() + ")");
            return java.util.Optional.empty();
        }
    }

    @Override
    public List<String> lines() {
        ZoneId zone = decider.calendar().calendar().zone();
        List<String> lines = new ArrayList<>();
        now(lines).ifPresent(schedule -> schedule.groups().forEach(s -> lines.add(line(s, zone))));
        return lines;
    }

    @Override
    public List<String> linesFor(String version) {
        ZoneId zone = decider.calendar().calendar().zone();
        List<String> lines = new ArrayList<>();
        now(lines).ifPresent(schedule -> {
            for (RunDecider.Scheduled s : schedule.groups())
                if (s.group().fact().versions().contains(version)) lines.add(line(s, zone));
            if (lines.isEmpty()) lines.add("not pending on gstg or gprd: there is nothing to decide");
        });
        return lines;
    }

    private static String line(RunDecider.Scheduled s, ZoneId zone) {
        return s.group().key() + ": " + DecisionReplies.conclusion(s.now(), s.window(), zone) + " — "
                + String.join("; ", DecisionReplies.reasons(s.now()));
    }
}
