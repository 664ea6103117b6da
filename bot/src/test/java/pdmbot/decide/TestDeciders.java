package pdmbot.decide;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.config.DecideConfig;
import pdmbot.rules.decide.RunDecisions;

/** Run deciders for tests: the built-in rules and GitLab.com-like calendar, no present facts, no deploys, at a fixed now. */
public final class TestDeciders {

    private TestDeciders() {
    }

    /** A decider reading what is pending from {@code pending}, at {@code now}; no rollback lines. */
    public static RunDecider reading(Supplier<PendingGroups.Read> pending, Instant now) {
        return new RunDecider(RunDecisions.builtIn(), pending, (at, groups) -> List.of(),
                new DecisionCalendar(new TrafficSource(TrafficCalendar.gitLabComLike(), Optional.empty(), ""), List.of(),
                        DecideConfig.defaults()),
                DeployCadence::none, (environment, versions) -> null, Clock.fixed(now, ZoneOffset.UTC));
    }
}
