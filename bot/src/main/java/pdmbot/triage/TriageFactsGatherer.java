package pdmbot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.Ledger;
import pdmbot.rules.classify.Classification;
import pdmbot.rules.triage.ErrorClass;
import pdmbot.rules.triage.FailedMigration;
import pdmbot.rules.triage.RetryAdvice;
import pdmbot.rules.triage.TriageAdvice;
import pdmbot.rules.triage.TriageAdvisor;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.CommitInfo;
import pdmbot.world.MergeRequestReview;
import pdmbot.world.TriagePorts;

/**
 * Gathers what a triage opens with from what the bot already knows: the ledger (file, package, commit), the
 * classification (nature, reasons, databases), the world (merge request, approvals, database reviewer, what runs
 * where), the locks, and {@code triage.drl}. A fact the world cannot give is said to be unknown, never guessed.
 */
final class TriageFactsGatherer {

    private static final Logger log = LoggerFactory.getLogger(TriageFactsGatherer.class);
    static final String UNKNOWN = "unknown";

    private final Ledger ledger;
    private final ClassifiedNatures natures;
    private final TriagePorts ports;
    private final LockStore locks;
    private final TriageAdvisor advisor;
    private final TriageSettings settings;

    TriageFactsGatherer(Ledger ledger, ClassifiedNatures natures, TriagePorts ports, LockStore locks, TriageAdvisor advisor,
                        TriageSettings settings) {
        this.ledger = ledger;
        this.natures = natures;
        this.ports = ports;
        this.locks = locks;
        this.advisor = advisor;
        this.settings = settings;
    }

    TriageFacts gather(Environment environment, Optional<String> version, String error, String jobUrl) {
        Optional<PostMigration> migration = version.flatMap(v -> ledger.lookUp(v).found());
        String className = migration.map(PostMigration::className).orElse(version.isPresent() ? UNKNOWN : "none (not a migration)");
        String file = migration.map(PostMigration::path).orElse(UNKNOWN);
        Optional<Classification> classification = migration.flatMap(this::classify);
        String nature = classification.map(c -> c.dominant().wireName()).orElse(UNKNOWN);
        List<String> reasons = classification.map(c -> c.reasons().stream()
                .map(r -> r.nature().wireName() + ": " + r.rule() + " (line " + r.line() + ")").distinct().limit(5).toList())
                .orElse(List.of());
        String databases = classification.map(c -> c.databases().isEmpty() ? "main, ci" : LogicalDatabase.format(c.databases()))
                .orElse(UNKNOWN);

        Optional<LedgerEntry> added = migration.flatMap(m -> ledger.store().changesOf(m.version()).stream()
                .filter(e -> e.kind() == LedgerChange.Kind.ADDED).findFirst());
        String pkg = added.map(e -> e.packageVersion().toString()).orElse(UNKNOWN);
        Optional<CommitInfo> commit = added.map(LedgerEntry::commitSha).flatMap(this::commit);
        Optional<MergeRequestReview> review = commit.flatMap(CommitInfo::mergeRequest).flatMap(this::review);
        String author = commit.map(c -> c.authorName() + " <" + c.authorEmail() + ">").orElse(UNKNOWN);

        ErrorClass errorClass = ErrorClass.of(error);
        TriageAdvice advice = advisor.advise(new FailedMigration(version.orElse("none"), nature, errorClass));
        RetryAdvice retry = advice.suggestion();
        return new TriageFacts(version.orElse(""), className, file, environment.id(), databases, error, errorClass.words(),
                jobUrl, nature, reasons, pkg,
                commit.map(c -> "`" + c.shortSha() + "` " + c.title()).orElse(UNKNOWN),
                commit.flatMap(CommitInfo::mergeRequest).map(Object::toString).orElse(UNKNOWN),
                review.map(MergeRequestReview::url).orElse(""), author,
                review.map(r -> r.approvers().isEmpty() ? "none" : String.join(", ", r.approvers())).orElse(UNKNOWN),
                review.map(this::databaseReviewer).orElse(UNKNOWN),
                rollbackLine(environment), lockLine(), retry.safety().words(), retry.advice(), retry.reason(), retry.rule(),
                advice.shouldBlockDeploys(), advice.deployAdvice().reason(), advice.deployAdvice().rule());
    }

    /** An approver in the database maintainers group, else whoever added {@code database::approved}. */
    private String databaseReviewer(MergeRequestReview review) {
        Optional<String> approver = review.approvers().stream().filter(settings.databaseMaintainers()::contains).findFirst();
        if (approver.isPresent()) return approver.get() + " (approved; in the database maintainers group)";
        if (!review.databaseApprovedBy().isEmpty())
            return review.databaseApprovedBy().get(review.databaseApprovedBy().size() - 1) + " (added database::approved)";
        return "none found: no approver is a database maintainer and nobody added database::approved";
    }

    private String rollbackLine(Environment environment) {
        String gprd = ledger.world().deployments().packageOn(Environment.GPRD).map(p -> "`" + p.version() + "`").orElse("nothing");
        return environment == Environment.GPRD
                ? "the failed migration did not run on db/gprd, so the line stays below " + gprd + " (the package on gprd)"
                : "unchanged: gprd runs " + gprd + " and db/gprd has not run this migration";
    }

    private String lockLine() {
        List<String> held = new ArrayList<>();
        for (Environment e : Environment.values())
            locks.lockOf(e).ifPresent(l -> held.add(e.id() + " (by " + l.lockedBy() + ")"));
        return held.isEmpty() ? "no environment is locked: deploys go on" : "locked: " + String.join(", ", held);
    }

    private Optional<Classification> classify(PostMigration migration) {
        try {
            return natures.classificationOf(migration);
        } catch (RuntimeException e) {
            log.warn("triage: could not classify {}: {}", migration.version(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<CommitInfo> commit(String sha) {
        try {
            return ledger.world().packages().commit(sha);
        } catch (RuntimeException e) {
            log.warn("triage: could not read commit {}: {}", sha, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<MergeRequestReview> review(pdmbot.world.MergeRequestRef mr) {
        try {
            return ports.reviews().of(mr);
        } catch (RuntimeException e) {
            log.warn("triage: could not read the approvals of {}: {}", mr, e.getMessage());
            return Optional.empty();
        }
    }
}
