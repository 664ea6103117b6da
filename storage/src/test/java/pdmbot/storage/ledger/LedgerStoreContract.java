package pdmbot.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.storage.Database;
import pdmbot.storage.UnableToAccessStoreException;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every LedgerStore does, on H2 and on PostgreSQL. */
abstract class LedgerStoreContract extends StoreContract {

    static final PackageVersion P1 = version("16.5.202310310800-aaaaaaaaaa1.bbbbbbbbbb1");
    static final PackageVersion P2 = version("16.6.202311010800-aaaaaaaaaa2.bbbbbbbbbb2");
    static final PackageVersion P3 = version("16.6.202311011600-aaaaaaaaaa3.bbbbbbbbbb3");

    static final PostMigration ADD_INDEX = migration("db/post_migrate/20231025120000_add_index_on_ci_builds_status.rb");
    static final PostMigration DROP_COLUMN = migration("db/post_migrate/20231026090000_remove_legacy_column.rb");
    static final PostMigration BACKFILL = migration("db/post_migrate/20231101070000_finalize_backfill_users.rb");

    private LedgerStore ledger() {
        return stores().ledger();
    }

    @Test
    void recording_a_new_package_stores_it_with_its_changes() {
        boolean isNew = ledger().recordPackage(P1, List.of(
                LedgerChange.added(ADD_INDEX, "c0ffee1", "hash-1"),
                LedgerChange.added(DROP_COLUMN, "c0ffee1", "hash-2")));

        assertThat(isNew).isTrue();
        assertThat(ledger().hasPackage(P1)).isTrue();
        assertThat(ledger().introducedIn(P1)).containsExactly(ADD_INDEX, DROP_COLUMN);
        assertThat(ledger().changesOf(ADD_INDEX.version()))
                .containsExactly(new LedgerEntry(P1, ADD_INDEX, LedgerChange.Kind.ADDED, "c0ffee1", "hash-1"));
    }

    @Test
    void recording_the_same_package_twice_changes_nothing() {
        ledger().recordPackage(P1, List.of(LedgerChange.added(ADD_INDEX, "c0ffee1", "hash-1")));

        boolean isNew = ledger().recordPackage(P1, List.of(
                LedgerChange.modified(ADD_INDEX, "c0ffee2", "hash-other"),
                LedgerChange.added(DROP_COLUMN, "c0ffee2", "hash-2")));

        assertThat(isNew).isFalse();
        assertThat(ledger().packageCount()).isEqualTo(1);
        assertThat(ledger().migrationCount()).isEqualTo(1);
        assertThat(ledger().changesOf(ADD_INDEX.version())).extracting(LedgerEntry::contentHash).containsExactly("hash-1");
    }

    @Test
    void a_package_whose_changes_cannot_be_stored_leaves_nothing_behind() {
        String tooLongForCommitSha = "f".repeat(65);

        assertThatThrownBy(() -> ledger().recordPackage(P1, List.of(
                LedgerChange.added(ADD_INDEX, "c0ffee1", "hash-1"),
                LedgerChange.added(DROP_COLUMN, tooLongForCommitSha, "hash-2"))))
                .isInstanceOf(UnableToAccessStoreException.class)
                .hasMessageStartingWith("unable to record package " + P1);

        assertThat(ledger().hasPackage(P1)).isFalse();
        assertThat(ledger().migrationCount()).isZero();
    }

    @Test
    void a_package_listing_a_migration_twice_is_refused() {
        assertThatThrownBy(() -> ledger().recordPackage(P1, List.of(
                LedgerChange.added(ADD_INDEX, "c0ffee1", "hash-1"),
                LedgerChange.modified(ADD_INDEX, "c0ffee1", "hash-2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ADD_INDEX.version());
        assertThat(ledger().packageCount()).isZero();
    }

    @Test
    void packages_come_back_in_version_order_whatever_order_they_were_recorded_in() {
        ledger().recordPackage(P3, List.of());
        ledger().recordPackage(P1, List.of());
        ledger().recordPackage(P2, List.of());

        assertThat(ledger().packages()).containsExactly(P1, P2, P3);
        assertThat(ledger().latestPackage()).contains(P3);
    }

    @Test
    void an_empty_ledger_has_no_latest_package_and_counts_zero() {
        assertThat(ledger().latestPackage()).isEmpty();
        assertThat(ledger().packages()).isEmpty();
        assertThat(ledger().packageCount()).isZero();
        assertThat(ledger().migrationCount()).isZero();
    }

    @Test
    void the_introducing_package_is_the_first_by_build_time_that_added_the_migration() {
        ledger().recordPackage(P3, List.of(LedgerChange.modified(ADD_INDEX, "c3", "hash-3")));
        ledger().recordPackage(P2, List.of(LedgerChange.added(ADD_INDEX, "c2", "hash-2")));

        assertThat(ledger().introducedBy(ADD_INDEX.version())).contains(P2);

        ledger().recordPackage(P1, List.of(LedgerChange.added(ADD_INDEX, "c1", "hash-1")));
        assertThat(ledger().introducedBy(ADD_INDEX.version())).contains(P1);
    }

    @Test
    void a_migration_nobody_added_has_no_introducing_package() {
        assertThat(ledger().introducedBy("20990101000000")).isEmpty();
    }

    @Test
    void a_removed_migration_stays_in_the_ledger_with_a_removed_row() {
        ledger().recordPackage(P1, List.of(LedgerChange.added(DROP_COLUMN, "c1", "hash-1")));
        ledger().recordPackage(P2, List.of(LedgerChange.modified(DROP_COLUMN, "c2", "hash-2")));
        ledger().recordPackage(P3, List.of(LedgerChange.removed(DROP_COLUMN, "c3")));

        assertThat(ledger().migration(DROP_COLUMN.version())).contains(DROP_COLUMN);
        assertThat(ledger().changesOf(DROP_COLUMN.version())).containsExactly(
                new LedgerEntry(P1, DROP_COLUMN, LedgerChange.Kind.ADDED, "c1", "hash-1"),
                new LedgerEntry(P2, DROP_COLUMN, LedgerChange.Kind.MODIFIED, "c2", "hash-2"),
                new LedgerEntry(P3, DROP_COLUMN, LedgerChange.Kind.REMOVED, "c3", null));
        assertThat(ledger().introducedBy(DROP_COLUMN.version())).contains(P1);
    }

    @Test
    void a_package_introduces_only_the_migrations_it_added() {
        ledger().recordPackage(P1, List.of(LedgerChange.added(ADD_INDEX, "c1", "hash-1")));
        ledger().recordPackage(P2, List.of(
                LedgerChange.modified(ADD_INDEX, "c2", "hash-2"),
                LedgerChange.added(BACKFILL, "c2", "hash-3"),
                LedgerChange.added(DROP_COLUMN, "c2", "hash-4")));

        assertThat(ledger().introducedIn(P2)).containsExactly(DROP_COLUMN, BACKFILL);
        assertThat(ledger().introducedIn(P3)).isEmpty();
    }

    @Test
    void all_migrations_are_listed_by_version_and_counted() {
        ledger().recordPackage(P2, List.of(LedgerChange.added(BACKFILL, "c2", "h")));
        ledger().recordPackage(P1, List.of(LedgerChange.added(DROP_COLUMN, "c1", "h"), LedgerChange.added(ADD_INDEX, "c1", "h")));

        assertThat(ledger().allMigrations()).containsExactly(ADD_INDEX, DROP_COLUMN, BACKFILL);
        assertThat(ledger().migrationCount()).isEqualTo(3);
        assertThat(ledger().packageCount()).isEqualTo(2);
        assertThat(ledger().migration("20990101000000")).isEmpty();
    }

    @Test
    void a_ref_resolves_by_exact_version_or_version_prefix() {
        recordAllThree();

        assertThat(ledger().findMigrations("20231025120000")).containsExactly(ADD_INDEX);
        assertThat(ledger().findMigrations("2023102")).containsExactly(ADD_INDEX, DROP_COLUMN);
        assertThat(ledger().findMigrations(" 202311 ")).containsExactly(BACKFILL);
    }

    @Test
    void a_ref_resolves_by_class_name_in_any_case() {
        recordAllThree();

        assertThat(ledger().findMigrations("AddIndexOnCiBuildsStatus")).containsExactly(ADD_INDEX);
        assertThat(ledger().findMigrations("AddIndexOnCIBuildsStatus")).containsExactly(ADD_INDEX);
        assertThat(ledger().findMigrations("removelegacycolumn")).containsExactly(DROP_COLUMN);
    }

    @Test
    void a_ref_resolves_by_snake_name_file_name_or_path() {
        recordAllThree();

        assertThat(ledger().findMigrations("finalize_backfill_users")).containsExactly(BACKFILL);
        assertThat(ledger().findMigrations("20231026090000_remove_legacy_column.rb")).containsExactly(DROP_COLUMN);
        assertThat(ledger().findMigrations("20231026090000_Remove_Legacy_Column")).containsExactly(DROP_COLUMN);
        assertThat(ledger().findMigrations("db/post_migrate/20231025120000_add_index_on_ci_builds_status.rb"))
                .containsExactly(ADD_INDEX);
        assertThat(ledger().findMigrations("/home/me/gitlab/db/post_migrate/20231101070000_finalize_backfill_users.rb"))
                .containsExactly(BACKFILL);
    }

    @Test
    void a_ref_that_matches_nothing_resolves_to_nothing() {
        recordAllThree();

        assertThat(ledger().findMigrations("AddIndexFoo")).isEmpty();
        assertThat(ledger().findMigrations("19990101")).isEmpty();
        assertThat(ledger().findMigrations("20231026090000_some_other_name.rb")).isEmpty();
        assertThat(ledger().findMigrations("  ")).isEmpty();
        assertThat(ledger().findMigrations("%")).isEmpty();
    }

    @Test
    void two_instances_recording_the_same_package_at_once_record_it_once() throws Exception {
        try (Database other = anotherInstance()) {
            LedgerStore theirs = other.stores().ledger();
            List<LedgerChange> changes = List.of(LedgerChange.added(ADD_INDEX, "c1", "hash-1"),
                    LedgerChange.added(DROP_COLUMN, "c1", "hash-2"));

            List<Boolean> results = Race.run(() -> ledger().recordPackage(P1, changes),
                    () -> theirs.recordPackage(P1, changes));

            assertThat(results).containsExactlyInAnyOrder(true, false);
            assertThat(ledger().changesOf(ADD_INDEX.version())).hasSize(1);
        }
    }

    @Test
    void two_instances_recording_different_packages_with_the_same_new_migration_both_succeed() throws Exception {
        try (Database other = anotherInstance()) {
            LedgerStore theirs = other.stores().ledger();

            List<Boolean> results = Race.run(
                    () -> ledger().recordPackage(P1, List.of(LedgerChange.added(ADD_INDEX, "c1", "hash-1"))),
                    () -> theirs.recordPackage(P2, List.of(LedgerChange.added(ADD_INDEX, "c1", "hash-1"))));

            assertThat(results).containsExactly(true, true);
            assertThat(ledger().introducedBy(ADD_INDEX.version())).contains(P1);
            assertThat(ledger().migrationCount()).isEqualTo(1);
        }
    }

    private void recordAllThree() {
        ledger().recordPackage(P1, List.of(LedgerChange.added(ADD_INDEX, "c1", "h1"), LedgerChange.added(DROP_COLUMN, "c1", "h2")));
        ledger().recordPackage(P2, List.of(LedgerChange.added(BACKFILL, "c2", "h3")));
    }

    static PackageVersion version(String text) {
        return PackageVersion.parse(text).orElseThrow();
    }

    static PostMigration migration(String path) {
        return PostMigration.fromPath(path).orElseThrow();
    }
}
