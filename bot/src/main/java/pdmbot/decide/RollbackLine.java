package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DatabaseState;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;

/**
 * The rollback line of an environment: the packages it can still roll back to are those at or after the package whose
 * post-deploy migrations are the last to have all run there (what the last successful {@code db/gprd} deployment
 * recorded), up to the package it runs now. Older ones cannot: the migrations up to the line ran and may have removed
 * what their code uses. A PDM run now moves the line to the current package, cutting off every other target. The
 * {@code rollback check} command, the decisions' Rollback fact and the guard of {@code deploy … --rollback} (through
 * {@code pdmbot.promote.RollbackLines}, wired in {@code PdmBot}) all come from here: one answer.
 */
public final class RollbackLine implements RunDecider.RollbackLines {

    /** An environment's line and what it means. */
    public record Line(Environment environment, Optional<AutoDeployPackage> current, Optional<AutoDeployPackage> line,
                       List<AutoDeployPackage> targets, List<AutoDeployPackage> older) {
        public Line {
            Objects.requireNonNull(environment, "environment");
            targets = List.copyOf(targets);
            older = List.copyOf(older);
        }

        /** What a PDM run now would cut off: every target but the current package. */
        public List<AutoDeployPackage> wouldCutOff() {
            return targets.stream().filter(p -> current.map(c -> !c.version().equals(p.version())).orElse(true)).toList();
        }

        /** How long the current package has run there at {@code at}, measured from its build (the latest it can have started). */
        public Duration packageAgeAt(Instant at) {
            return current.map(c -> Duration.between(c.version().builtAt(), at)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        }

        public Optional<DecisionFacts.Rollback> fact(Instant at) {
            return current.map(c -> new DecisionFacts.Rollback(environment.id(), c.version().toString(),
                    targets.stream().map(p -> p.version().toString()).toList(),
                    wouldCutOff().stream().map(p -> p.version().toString()).toList(), packageAgeAt(at).toMinutes()));
        }
    }

    private final PackageSource packages;
    private final Deployments deployments;
    private final LedgerStore ledger;
    private final DatabaseState databases;

    /** Without what ran where: every pending version counts as not run anywhere (tests of the line's shape). */
    public RollbackLine(PackageSource packages, Deployments deployments, LedgerStore ledger) {
        this(packages, deployments, ledger, null);
    }

    /**
     * With {@code databases}: a migration pending on one database but run on another has run — the schema changed
     * there — so it holds the line like any migration that ran (the same answer {@code deploy --rollback} gives).
     */
    public RollbackLine(PackageSource packages, Deployments deployments, LedgerStore ledger, DatabaseState databases) {
        this.packages = packages;
        this.deployments = deployments;
        this.ledger = ledger;
        this.databases = databases;
    }

    private boolean ranSomewhere(Environment environment, String version) {
        if (databases == null) return false;
        for (LogicalDatabase database : LogicalDatabase.values())
            if (databases.hasRun(environment, database, version)) return true;
        return false;
    }

    /** The line of {@code environment}, given the versions pending there. */
    @Override
    public Line of(Environment environment, Collection<String> pendingVersions) {
        Optional<AutoDeployPackage> current = deployments.packageOn(environment);
        if (current.isEmpty()) return new Line(environment, current, Optional.empty(), List.of(), List.of());
        List<AutoDeployPackage> upToCurrent = packages.packages().stream().filter(p -> p.compareTo(current.get()) <= 0).toList();
        // the oldest package that brought a migration still pending: the line is the package before it
        Optional<PackageVersion> firstPending = pendingVersions.stream().filter(v -> !ranSomewhere(environment, v))
                .flatMap(v -> ledger.changesOf(v).stream().filter(e -> e.kind() == LedgerChange.Kind.ADDED)
                        .map(LedgerEntry::packageVersion).min(PackageVersion::compareTo).stream())
                .min(PackageVersion::compareTo);
        AutoDeployPackage line = current.get();
        if (firstPending.isPresent()) {
            line = upToCurrent.stream().filter(p -> p.version().compareTo(firstPending.get()) < 0)
                    .reduce((a, b) -> b).orElse(upToCurrent.get(0));
            line = newestThatBroughtARunMigration(environment, upToCurrent, line);
        }
        AutoDeployPackage at = line;
        return new Line(environment, current, Optional.of(line),
                upToCurrent.stream().filter(p -> p.compareTo(at) >= 0).toList(),
                upToCurrent.stream().filter(p -> p.compareTo(at) < 0).toList());
    }

    /**
     * A run of a subset can run a migration of a package newer than the line while older ones stay pending: code older
     * than that package may use what the migration changed, so the line is at least the newest package past it that
     * brought a migration that has run there (issue 14: what ran after a subset).
     */
    private AutoDeployPackage newestThatBroughtARunMigration(Environment environment, List<AutoDeployPackage> upToCurrent,
                                                          AutoDeployPackage line) {
        if (databases == null) return line;
        AutoDeployPackage at = line;
        for (AutoDeployPackage p : upToCurrent) {
            if (p.compareTo(line) <= 0) continue;
            for (pdmbot.domain.PostMigration m : ledger.introducedIn(p.version()))
                if (ranSomewhere(environment, m.version())) {
                    at = p;
                    break;
                }
        }
        return at;
    }
}
