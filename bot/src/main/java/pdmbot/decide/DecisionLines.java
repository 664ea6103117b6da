package pdmbot.decide;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pdmbot.classification.MigrationDecisions;
import pdmbot.run.StatusDecisions;

/**
 * The decisions as {@code pdm status} and {@code migration explain} show them: the conclusion and its reasons. When the
 * world cannot be read for them (GitLab down), the rest of the reply still comes, with one line saying so. The status
 * reads the week ahead it is given (the one cached copy the dashboard shows too); explain decides afresh.
 */
public final class DecisionLines implements StatusDecisions, MigrationDecisions {

    private final RunDecider decider;
    private final Supplier<RunDecider.Schedule> weekAhead;

    /** Deciding afresh for both. */
    public DecisionLines(RunDecider decider) {
        this(decider, decider::weekAhead);
    }

    public DecisionLines(RunDecider decider, Supplier<RunDecider.Schedule> weekAhead) {
        this.decider = decider;
        this.weekAhead = weekAhead;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DecisionLines.class);

    private java.util.Optional<RunDecider.Schedule> now(Supplier<RunDecider.Schedule> decisions, List<String> unavailable) {
        try {
            return java.util.Optional.of(decisions.get());
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
        now(weekAhead, lines).ifPresent(schedule -> schedule.groups().forEach(s -> lines.add(line(s, zone))));
        return lines;
    }

    @Override
    public List<String> linesFor(String version) {
        ZoneId zone = decider.calendar().calendar().zone();
        List<String> lines = new ArrayList<>();
        now(decider::weekAhead, lines).ifPresent(schedule -> {
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
