package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MigrationChange;
import pdmbot.world.demo.DemoPlan.PlannedMigration;

/**
 * The generated demo repository (the history the emulator seed pushes), read as a local checkout: its size,
 * vocabulary, history shape and what each package brought.
 */
class DemoHistoryTest {

    private static final long SEED = DemoSeed.DEFAULT_SEED;

    @TempDir
    static Path dataDir;

    private static GeneratedCheckout world;
    private static List<AutoDeployPackage> packages;
    private static DemoPlan plan;

    @BeforeAll
    static void generate() {
        long start = System.nanoTime();
        world = GeneratedCheckout.generate(dataDir, SEED);
        packages = world.packages().packages();
        plan = DemoHistory.plan(SEED);
        System.out.printf("demo history generated in %d ms (%d packages, %d migrations)%n",
                (System.nanoTime() - start) / 1_000_000, packages.size(), plan.migrations().size());
    }

    @AfterAll
    static void close() {
        world.close();
    }

    private static List<MigrationChange> changesOf(int index) {
        return world.packages().postMigrationChanges(packages.get(index),
                index == 0 ? Optional.empty() : Optional.of(packages.get(index - 1)));
    }

    private static List<MigrationChange> allChanges() {
        List<MigrationChange> all = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) all.addAll(changesOf(i));
        return all;
    }

    private static String allMigrationSources() {
        StringBuilder sources = new StringBuilder();
        for (AutoDeployPackage pkg : packages) {
            for (PostMigration m : world.packages().postMigrationsAt(pkg))
                sources.append(new String(world.packages().fileAt(pkg, m.path()).orElseThrow(), StandardCharsets.UTF_8));
        }
        return sources.toString();
    }

    @Test
    void the_history_is_a_git_repository_of_a_rails_like_app() {
        assertThat(world.repository().resolve(".git")).isDirectory();
        assertThat(world.stateFile()).isRegularFile();
        assertThat(world.repository().resolve("README.md")).isRegularFile();
    }

    @Test
    void history_adds_at_least_forty_post_migrations_over_at_least_thirty_packages() {
        long added = allChanges().stream().filter(c -> c.kind() == MigrationChange.Kind.ADDED).count();

        assertThat(packages).hasSizeGreaterThanOrEqualTo(30);
        assertThat(added).isGreaterThanOrEqualTo(40);
    }

    @Test
    void packages_are_ordered_by_timestamp_over_two_milestones_and_name_their_commit() {
        assertThat(packages).isSortedAccordingTo((a, b) -> a.version().builtAt().compareTo(b.version().builtAt()));
        assertThat(packages.stream().map(p -> p.version().milestone()).distinct()).containsExactly("16.6", "16.7");
        assertThat(packages).allSatisfy(p -> {
            assertThat(p.version().appSha()).isEqualTo(p.commitSha().substring(0, 11));
            assertThat(p.refName()).isEqualTo("refs/tags/" + p.version());
        });
    }

    @Test
    void each_package_brings_one_to_three_commits_with_ascending_commit_times() throws Exception {
        try (Git git = Git.open(world.repository().toFile())) {
            for (int i = 0; i < packages.size(); i++) {
                int index = i;
                var log = git.log().add(ObjectId.fromString(packages.get(i).commitSha()));
                if (i > 0) log.not(ObjectId.fromString(packages.get(i - 1).commitSha()));
                List<RevCommit> commits = new ArrayList<>();
                log.call().forEach(commits::add);

                assertThat(commits).as("commits of package %d", i).hasSizeBetween(1, 3);
                assertThat(commits).allSatisfy(c -> assertThat(c.getCommitterIdent().getWhenAsInstant())
                        .isBeforeOrEqualTo(packages.get(index).version().builtAt()));
            }
            List<RevCommit> all = new ArrayList<>();
            git.log().all().call().forEach(all::add);
            assertThat(all).extracting(c -> c.getCommitterIdent().getWhenAsInstant())
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void some_packages_introduce_no_migration() {
        long empty = 0;
        for (int i = 0; i < packages.size(); i++) if (changesOf(i).isEmpty()) empty++;

        assertThat(empty).isGreaterThanOrEqualTo(3);
    }

    @Test
    void diff_of_each_package_matches_what_the_history_committed() {
        for (int i = 0; i < packages.size(); i++) {
            int index = i;
            Set<String> expected = new TreeSet<>();
            plan.migrations().stream().filter(m -> m.packageIndex() == index).forEach(m -> expected.add("ADDED " + m.path()));
            plan.migrations().stream().filter(m -> m.revertedIn() == index).forEach(m -> expected.add("REMOVED " + m.path()));
            if (i == DemoHistory.MODIFIES_IN)
                plan.migrations().stream().filter(m -> m.name().equals(DemoCatalogue.MODIFIED_LATER))
                        .forEach(m -> expected.add("MODIFIED " + m.path()));

            Set<String> actual = changesOf(i).stream().map(c -> c.kind() + " " + c.path())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(actual).as("package %d", i).isEqualTo(expected);
        }
    }

    @Test
    void one_migration_is_later_modified_and_one_is_later_removed() {
        List<MigrationChange> all = allChanges();

        assertThat(all).filteredOn(c -> c.kind() == MigrationChange.Kind.MODIFIED)
                .extracting(c -> c.migration().name()).containsExactly(DemoCatalogue.MODIFIED_LATER);
        assertThat(all).filteredOn(c -> c.kind() == MigrationChange.Kind.REMOVED)
                .extracting(c -> c.migration().name()).containsExactly(DemoCatalogue.REVERTED_LATER);
    }

    @Test
    void each_change_names_the_commit_of_its_merge_request_inside_the_package() {
        for (int i = 1; i < packages.size(); i++) {
            for (MigrationChange change : changesOf(i)) {
                CommitInfo commit = world.packages().commit(change.lastCommitSha()).orElseThrow();

                assertThat(commit.mergeRequest()).map(Object::toString).hasValueSatisfying(
                        mr -> assertThat(mr).matches("gitlab-org/gitlab!\\d+"));
                assertThat(commit.message()).startsWith(commit.title() + "\n\n");
                assertThat(world.packages().contains(packages.get(i), commit.sha())).isTrue();
                assertThat(world.packages().contains(packages.get(i - 1), commit.sha())).isFalse();
            }
        }
    }

    @Test
    void migrations_are_written_in_gitlab_helper_vocabulary_covering_every_nature() {
        String sources = allMigrationSources();

        assertThat(sources).contains(
                "Gitlab::Database::Migration[2.2]", "Gitlab::Database::Migration[2.1]", "disable_ddl_transaction!",
                "restrict_gitlab_migration gitlab_schema: :gitlab_ci", "restrict_gitlab_migration gitlab_schema: :gitlab_main",
                "milestone '16.6'", "milestone '16.7'", "TABLE_NAME = :", "INDEX_NAME = '", "MIGRATION = '",
                // sidekiq_only
                "queue_batched_background_migration(", "delete_batched_background_migration(", "prepare_async_index ",
                // large_index_or_fk
                "add_concurrent_index TABLE_NAME, [:runner_id", "add_concurrent_index TABLE_NAME, [:project_id",
                "add_concurrent_foreign_key :", "validate_foreign_key :",
                // ddl_cleanup
                "remove_column :", "drop_table :", "remove_concurrent_index_by_name TABLE_NAME, INDEX_NAME\n  end\n\n  def down",
                // dml_inline
                "update_column_in_batches(", "each_batch(of: BATCH_SIZE)", "batch.update_all(", "execute(<<~SQL)",
                "UPDATE merge_requests",
                // finalize_background
                "ensure_batched_background_migration_is_finished(", "finalize_batched_background_migration(",
                // noop
                "    # no-op",
                // ambiguous
                "return unless Gitlab.com?", "validate: false", "find_each");
        assertThat(sources).contains("TABLE_NAME = :ci_builds", "TABLE_NAME = :merge_requests");
    }

    @Test
    void some_migrations_carry_no_schema_restriction() {
        AutoDeployPackage last = packages.get(packages.size() - 1);
        long unrestricted = world.packages().postMigrationsAt(last).stream()
                .map(m -> new String(world.packages().fileAt(last, m.path()).orElseThrow(), StandardCharsets.UTF_8))
                .filter(source -> !source.contains("restrict_gitlab_migration"))
                .count();

        assertThat(unrestricted).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_package_commit_is_found_by_its_eleven_character_app_sha() {
        AutoDeployPackage pkg = packages.get(7);

        Lookup<CommitInfo> lookup = world.packages().findCommit(pkg.version().appSha());

        assertThat(lookup.found()).map(CommitInfo::sha).contains(pkg.commitSha());
        assertThat(world.packages().findCommit("0123456789a")).isInstanceOf(Lookup.NotFound.class);
    }

    @Test
    void commits_are_authored_by_the_fixed_list_of_people() throws Exception {
        try (Git git = Git.open(world.repository().toFile())) {
            Set<String> emails = new TreeSet<>();
            git.log().all().call().forEach(c -> emails.add(c.getAuthorIdent().getEmailAddress()));

            assertThat(emails).hasSizeBetween(2, 6).allSatisfy(e -> assertThat(e).endsWith("@example.com"));
        }
    }

    @Test
    void the_plan_records_the_reverted_migration_and_the_package_that_removed_it() {
        PlannedMigration reverted = plan.migrations().stream().filter(PlannedMigration::isReverted).findFirst().orElseThrow();

        assertThat(reverted.name()).isEqualTo(DemoCatalogue.REVERTED_LATER);
        assertThat(world.packages().fileAt(packages.get(reverted.revertedIn()), reverted.path())).isEmpty();
        assertThat(world.packages().fileAt(packages.get(reverted.packageIndex()), reverted.path())).isPresent();
    }

    static Map<String, String> tagsToShas(Path repository) throws Exception {
        Map<String, String> tags = new TreeMap<>();
        try (Git git = Git.open(repository.toFile())) {
            git.tagList().call().forEach(ref -> tags.put(ref.getName(), ref.getObjectId().name()));
        }
        return tags;
    }

    static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
