package pdmbot.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.PackageVersion;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.storage.releasenotes.ReleaseNoteStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MigrationChange;
import pdmbot.world.PackageSource;
import pdmbot.world.ReleaseNotes;

/**
 * Keeps the ledger up to date: each package the source has and the ledger lacks is diffed against the
 * package before it and recorded in one transaction. Incremental and idempotent. A package that introduced
 * post-deploy migrations gets a note on the release issue, once — except during the first backfill of an
 * empty ledger, which would otherwise flood the issue with history.
 */
public final class LedgerIngestion {

    private static final Logger log = LoggerFactory.getLogger(LedgerIngestion.class);

    private final PackageSource source;
    private final LedgerStore ledger;
    private final ReleaseNoteStore noteClaims;
    private final ReleaseNotes releaseNotes;

    public LedgerIngestion(PackageSource source, LedgerStore ledger, ReleaseNoteStore noteClaims, ReleaseNotes releaseNotes) {
        this.source = source;
        this.ledger = ledger;
        this.noteClaims = noteClaims;
        this.releaseNotes = releaseNotes;
    }

    /** What one catch-up did. */
    public record Report(int packagesSeen, List<PackageVersion> ingested, int changes, List<String> notes, Duration took,
                         boolean backfill) {
    }

    /** Ingests every package not yet in the ledger, oldest first. */
    public synchronized Report catchUp() {
        long started = System.nanoTime();
        List<AutoDeployPackage> packages = source.packages();
        boolean backfill = ledger.packageCount() == 0;
        Set<PackageVersion> known = new HashSet<>(ledger.packages());
        List<PackageVersion> ingested = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int changes = 0;
        AutoDeployPackage previous = null;
        for (AutoDeployPackage pkg : packages) {
            if (!known.contains(pkg.version())) {
                List<MigrationChange> diff = source.postMigrationChanges(pkg, Optional.ofNullable(previous));
                List<LedgerChange> rows = diff.stream().map(LedgerIngestion::toLedger).toList();
                if (ledger.recordPackage(pkg.version(), rows)) {
                    ingested.add(pkg.version());
                    changes += rows.size();
                    if (!backfill) postNote(pkg, diff).ifPresent(notes::add);
                }
            }
            previous = pkg;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ingested.isEmpty())
            log.info("ledger: ingested {} package(s) with {} change(s) in {} ms", ingested.size(), changes, took.toMillis());
        return new Report(packages.size(), ingested, changes, notes, took, backfill);
    }

    private Optional<String> postNote(AutoDeployPackage pkg, List<MigrationChange> diff) {
        List<MigrationChange> added = diff.stream().filter(c -> c.kind() == MigrationChange.Kind.ADDED).toList();
        if (added.isEmpty()) return Optional.empty();
        String body = noteFor(pkg, added);
        if (!noteClaims.claim(pkg.version(), body)) return Optional.empty();
        try {
            return Optional.of(releaseNotes.post(body));
        } catch (RuntimeException e) {
            log.error("ledger: the release-issue note for {} was claimed but could not be posted; its text:\n{}",
                    pkg.version(), body, e);
            return Optional.empty();
        }
    }

    static String noteFor(AutoDeployPackage pkg, List<MigrationChange> added) {
        StringBuilder note = new StringBuilder();
        note.append("Package `").append(pkg.version()).append("` introduces ").append(added.size())
                .append(added.size() == 1 ? " post-deploy migration" : " post-deploy migrations").append(":\n\n");
        for (MigrationChange change : added) note.append("- `").append(change.path()).append("`\n");
        return note.toString();
    }

    private static LedgerChange toLedger(MigrationChange change) {
        return switch (change.kind()) {
            case ADDED -> LedgerChange.added(change.migration(), change.lastCommitSha(), change.contentSha256());
            case MODIFIED -> LedgerChange.modified(change.migration(), change.lastCommitSha(), change.contentSha256());
            case REMOVED -> LedgerChange.removed(change.migration(), change.lastCommitSha());
        };
    }
}
