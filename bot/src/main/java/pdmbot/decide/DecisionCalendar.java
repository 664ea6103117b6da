package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.config.DecideConfig;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.world.ChangeLock;

/**
 * The facts that can be projected to any moment: the calendar (time, traffic), the policy and limits, the deploy
 * expected next, change locks in force or ahead, and the rollback line's age.
 */
public final class DecisionCalendar {

    private final TrafficSource traffic;
    private final List<ChangeLock> changeLocks;
    private final List<DecisionFacts.Policy> policies;
    private final DecisionFacts.Thresholds thresholds;

    public DecisionCalendar(TrafficSource traffic, List<ChangeLock> changeLocks, DecideConfig config) {
        this.traffic = traffic;
        this.changeLocks = List.copyOf(changeLocks);
        List<DecisionFacts.Policy> p = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : config.policy().entrySet())
            p.add(new DecisionFacts.Policy(e.getKey(), e.getValue().contains("working-days"), e.getValue().contains("weekends"),
                    e.getValue().contains("low-traffic"), e.getValue().contains("deploy-gap")));
        this.policies = List.copyOf(p);
        this.thresholds = new DecisionFacts.Thresholds(config.lowTraffic(), config.bakeHours() * 60L,
                config.health().unknownBlocks());
    }

    public TrafficCalendar calendar() {
        return traffic.calendar();
    }

    public DecisionFacts.Thresholds thresholds() {
        return thresholds;
    }

    public List<DecisionFacts.Policy> policies() {
        return policies;
    }

    /** What is read once for a whole evaluation (Prometheus' load). */
    public TrafficSource.Profile profileAt(Instant now) {
        return traffic.readAt(now);
    }

    /** The projected facts at {@code at}; {@code isNow} when {@code at} is the present (the measured load is used). */
    public List<Object> factsAt(Instant at, boolean isNow, TrafficSource.Profile profile, DeployCadence cadence,
                                List<RollbackLine.Line> lines) {
        List<Object> facts = new ArrayList<>(policies);
        facts.add(thresholds);
        facts.add(profile.calendar().momentAt(at));
        facts.add(profile.at(at, isNow));
        for (RollbackLine.Line line : lines) {
            line.fact(at).ifPresent(facts::add);
            cadence.nextAt(at).ifPresent(e -> facts.add(new DecisionFacts.DeployExpected(line.environment().id(),
                    Duration.between(at, e.at()).toMinutes(), e.at(), e.basis())));
        }
        for (ChangeLock lock : changeLocks)
            if (lock.isInForceAt(at)) facts.add(new DecisionFacts.ChangeLockInForce(lock.name(), lock.until(), lock.reason()));
        Optional<ChangeLock> ahead = changeLocks.stream().filter(l -> l.from().isAfter(at))
                .min(Comparator.comparing(ChangeLock::from));
        ahead.ifPresent(l -> facts.add(new DecisionFacts.ChangeLockAhead(l.name(), Duration.between(at, l.from()).toMinutes(), l.from())));
        return facts;
    }
}
