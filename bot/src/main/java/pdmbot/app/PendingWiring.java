package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Role;
import pdmbot.chat.Router;
import pdmbot.domain.PackageVersion;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.MigrationNatures;
import pdmbot.decide.RunDecider;
import pdmbot.pending.CachedDecisions;
import pdmbot.pending.MaintainedPendingView;
import pdmbot.pending.PendingSnapshot;
import pdmbot.pending.PendingView;
import pdmbot.run.RunService;
import pdmbot.run.StatusCommand;
import pdmbot.storage.Stores;

/** Builds the maintained pending view over the run's pending plan, the classification and the shared change counter. */
final class PendingWiring {

    /** How often the shared change counter is read: another instance's change shows here within this. */
    static final Duration POLL = Duration.ofSeconds(2);
    /** How old a snapshot may get before it is recomputed anyway, for changes made outside the bot (a deployer's deploy). */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** How old the decisions {@code pdm status} shows may get: a window's "in 2 h" moves by the minute. */
    static final Duration DECISIONS_AGE = Duration.ofSeconds(60);

    private PendingWiring() {
    }

    static MaintainedPendingView view(Ledger ledger, MigrationNatures natures, RunService runs, Stores stores, Clock clock) {
        MaintainedPendingView view = new MaintainedPendingView(runs::pending, natures,
                version -> ledger.store().introducedBy(version).map(PackageVersion::builtAt), stores.worldChanges(), clock);
        runs.events().subscribe(view);
        return view.polling(POLL, MAX_AGE);
    }

    /** What {@code pdm status} shows, read from one snapshot. */
    static Supplier<StatusCommand.Pending> forStatus(PendingView view, MigrationNatures natures) {
        return () -> {
            PendingSnapshot now = view.current();
            return new StatusCommand.Pending(now.plan(), now.natures(natures));
        };
    }

    /**
     * The decisions' week ahead {@code pdm status} and the dashboard show, one copy for both: decided again when what
     * is pending changes, else once a minute.
     */
    static CachedDecisions<RunDecider.Schedule> weekAhead(PendingView view, RunDecider decider) {
        return new CachedDecisions<>(view, decider::weekAhead, Clock.systemUTC(), DECISIONS_AGE);
    }

    /** The role each command needs, by name (everyone's for a name the router does not know). */
    static Function<String, Role> roles(Router router) {
        return name -> router.find(name).map(CommandSpec::role).orElse(Role.EVERYONE);
    }
}
