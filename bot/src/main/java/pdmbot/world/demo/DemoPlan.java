package pdmbot.world.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo history decided before any git object is written: packages, their commits, the migrations. */
record DemoPlan(long seed, List<PlannedPackage> packages, List<PlannedMigration> migrations) {

    static final String PROJECT = "gitlab-org/gitlab";

    record Author(String name, String email) {
    }

    /** One squashed merge request commit; {@code writes} maps path to content, {@code deletes} lists paths. */
    record PlannedCommit(String title, String body, int mergeRequestIid, Author author, Instant authoredAt,
                         Instant committedAt, Map<String, String> writes, Set<String> deletes) {

        String message() {
            return title + "\n\n" + body.strip() + "\n\nSee merge request " + PROJECT + "!" + mergeRequestIid + "\n";
        }
    }

    record PlannedPackage(int index, int major, int minor, Instant builtAt, String packagingSha,
                          List<PlannedCommit> commits) {

        String milestone() {
            return major + "." + minor;
        }
    }

    /** A migration the history adds; {@code revertedIn} is the package that removes it, or -1. */
    record PlannedMigration(String version, String name, String path, String schema, int packageIndex,
                            int revertedIn) {

        boolean isReverted() {
            return revertedIn >= 0;
        }
    }
}
