package pdmbot.world.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MigrationChange;

class GitPackageSourceTest {

    private static final String FIRST = "db/post_migrate/20231101000000_add_index_on_builds.rb";
    private static final String SECOND = "db/post_migrate/20231102000000_remove_old_column.rb";

    @TempDir
    Path dir;

    @Test
    void refs_matching_a_custom_pattern_are_packages_ordered_by_commit_time() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "app\n").commit("Initial commit");
            repo.tag("deploy-16.6-one");
            repo.write(FIRST, "class AddIndexOnBuilds; end\n").commit("Add index\n\nSee merge request acme/app!7");
            repo.branch("deploy-16.7-two");
            repo.tag("v1.0");

            try (GitPackageSource source = GitPackageSource.open(dir, Pattern.compile("^deploy-"))) {
                List<AutoDeployPackage> packages = source.packages();

                assertThat(packages).extracting(AutoDeployPackage::refName)
                        .containsExactly("refs/tags/deploy-16.6-one", "refs/heads/deploy-16.7-two");
                assertThat(packages.get(1).version().milestone()).isEqualTo("16.7");
                assertThat(packages.get(1).version().appSha()).isEqualTo(packages.get(1).commitSha().substring(0, 11));
            }
        }
    }

    @Test
    void default_pattern_reads_the_version_from_annotated_tags_and_ignores_other_refs() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit c1 = repo.write("README.md", "app\n").commit("Initial commit");
            repo.annotatedTag("16.6.202311021200-" + c1.name().substring(0, 11) + ".0123456789a");
            RevCommit c2 = repo.write(FIRST, "x\n").commit("Add index");
            repo.tag("16.6.202311011200-" + c2.name().substring(0, 11) + ".0123456789b");
            repo.tag("v16.6.0");

            try (GitPackageSource source = GitPackageSource.open(dir)) {
                assertThat(source.packages()).extracting(p -> p.version().toString()).containsExactly(
                        "16.6.202311011200-" + c2.name().substring(0, 11) + ".0123456789b",
                        "16.6.202311021200-" + c1.name().substring(0, 11) + ".0123456789a");
                assertThat(source.packages().get(1).commitSha()).isEqualTo(c1.name());
            }
        }
    }

    @Test
    void changes_between_packages_are_the_added_modified_and_removed_post_migrations_only() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("README.md", "app\n").write(FIRST, "v1\n").write(SECOND, "drop\n").commit("Initial commit");
            repo.tag("pkg-16.6-a");
            RevCommit modify = repo.write(FIRST, "v2\n").commit("Make index a no-op\n\nSee merge request acme/app!8");
            RevCommit remove = repo.delete(SECOND).commit("Revert removal");
            RevCommit add = repo.write("db/post_migrate/20231103000000_backfill.rb", "b\n")
                    .write("db/migrate/20231103000001_regular.rb", "r\n").write("app/models/build.rb", "m\n")
                    .commit("Backfill");
            repo.write(FIRST, "v3\n").commit("Tweak index again");
            repo.tag("pkg-16.6-b");

            try (GitPackageSource source = GitPackageSource.open(dir, Pattern.compile("^pkg-"))) {
                List<AutoDeployPackage> packages = source.packages();
                List<MigrationChange> changes = source.postMigrationChanges(packages.get(1), Optional.of(packages.get(0)));

                assertThat(changes).extracting(MigrationChange::kind, MigrationChange::path).containsExactly(
                        tuple(MigrationChange.Kind.MODIFIED, FIRST),
                        tuple(MigrationChange.Kind.REMOVED, SECOND),
                        tuple(MigrationChange.Kind.ADDED, "db/post_migrate/20231103000000_backfill.rb"));
                assertThat(changes.get(0).lastCommitSha()).isNotEqualTo(modify.name()).isEqualTo(packages.get(1).commitSha());
                assertThat(changes.get(1).lastCommitSha()).isEqualTo(remove.name());
                assertThat(changes.get(2).lastCommitSha()).isEqualTo(add.name());
                assertThat(changes.get(1).contentSha256())
                        .isEqualTo(sha256("drop\n"));
            }
        }
    }

    @Test
    void the_first_package_adds_every_post_migration_in_its_tree() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit c = repo.write(FIRST, "v1\n").write(SECOND, "x\n").commit("Initial commit");
            repo.tag("pkg-1");

            try (GitPackageSource source = GitPackageSource.open(dir, Pattern.compile("^pkg-"))) {
                AutoDeployPackage pkg = source.packages().get(0);

                assertThat(source.postMigrationChanges(pkg, Optional.empty()))
                        .allSatisfy(change -> {
                            assertThat(change.kind()).isEqualTo(MigrationChange.Kind.ADDED);
                            assertThat(change.lastCommitSha()).isEqualTo(c.name());
                        })
                        .hasSize(2);
                assertThat(source.postMigrationsAt(pkg)).extracting(m -> m.version())
                        .containsExactly("20231101000000", "20231102000000");
                assertThat(source.fileAt(pkg, FIRST)).map(b -> new String(b, StandardCharsets.UTF_8)).contains("v1\n");
                assertThat(source.fileAt(pkg, "db/post_migrate/missing.rb")).isEmpty();
            }
        }
    }

    @Test
    void a_commit_is_found_by_a_unique_prefix_with_its_merge_request() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit c = repo.write("a", "1\n").commit("Add a\n\nBody.\n\nSee merge request acme/app!42");

            try (GitPackageSource source = GitPackageSource.open(dir)) {
                Lookup<CommitInfo> lookup = source.findCommit(c.name().substring(0, 8).toUpperCase());

                assertThat(lookup).isInstanceOf(Lookup.Found.class);
                CommitInfo info = lookup.found().orElseThrow();
                assertThat(info.sha()).isEqualTo(c.name());
                assertThat(info.title()).isEqualTo("Add a");
                assertThat(info.authorEmail()).isEqualTo("ada@example.com");
                assertThat(info.mergeRequest()).map(Object::toString).contains("acme/app!42");
            }
        }
    }

    @Test
    void a_prefix_shared_by_two_commits_is_ambiguous_and_lists_both() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a", "1\n").commit("Add a");
            List<String> pair = repo.twoCommitsSharingAPrefix(4);

            try (GitPackageSource source = GitPackageSource.open(dir)) {
                Lookup<CommitInfo> lookup = source.findCommit(pair.get(0).substring(0, 4));

                assertThat(lookup).isInstanceOf(Lookup.Ambiguous.class);
                if (lookup instanceof Lookup.Ambiguous<CommitInfo> ambiguous)
                    assertThat(ambiguous.candidates()).extracting(CommitInfo::sha).containsAll(pair);
                assertThat(source.findCommit(pair.get(0))).isInstanceOf(Lookup.Found.class);
            }
        }
    }

    @Test
    void an_unknown_or_malformed_sha_is_not_found_with_a_reason() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a", "1\n").commit("Add a");

            try (GitPackageSource source = GitPackageSource.open(dir)) {
                assertThat(source.findCommit("0000000000")).isInstanceOf(Lookup.NotFound.class);
                assertThat(source.findCommit("xyz")).isInstanceOfSatisfying(Lookup.NotFound.class,
                        notFound -> assertThat(notFound.reason()).contains("expected 4 to 40 hex"));
                assertThat(source.commit("0000000000000000000000000000000000000000")).isEmpty();
            }
        }
    }

    @Test
    void contains_tells_ancestors_from_later_and_unknown_commits() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            RevCommit first = repo.write("a", "1\n").commit("First");
            RevCommit second = repo.write("a", "2\n").commit("Second");
            repo.tag("pkg-16.6-x");
            RevCommit third = repo.write("a", "3\n").commit("Third");

            try (GitPackageSource source = GitPackageSource.open(dir, Pattern.compile("^pkg-"))) {
                AutoDeployPackage pkg = source.packages().get(0);

                assertThat(source.contains(pkg, first.name())).isTrue();
                assertThat(source.contains(pkg, second.name().substring(0, 11))).isTrue();
                assertThat(source.contains(pkg, third.name())).isFalse();
                assertThat(source.contains(pkg, "deadbeefdeadbeef")).isFalse();
            }
        }
    }

    @Test
    void concurrent_readers_get_the_same_answers() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            for (int i = 0; i < 6; i++) {
                repo.write("db/post_migrate/2023110100000" + i + "_step_" + i + ".rb", "v" + i + "\n").commit("Step " + i);
                repo.tag("pkg-16.6-" + i);
            }

            try (GitPackageSource source = GitPackageSource.open(dir, Pattern.compile("^pkg-"))) {
                List<AutoDeployPackage> packages = source.packages();
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int n = 0; n < 40; n++) {
                    int i = 1 + n % (packages.size() - 1);
                    answers.add(pool.submit(() -> source.postMigrationChanges(packages.get(i), Optional.of(packages.get(i - 1))).size()
                            + source.postMigrationsAt(packages.get(i)).size() * 100));
                }
                pool.shutdown();

                for (int n = 0; n < answers.size(); n++) {
                    int i = 1 + n % (packages.size() - 1);
                    assertThat(answers.get(n).get()).isEqualTo(1 + (i + 1) * 100);
                }
            }
        }
    }

    @Test
    void a_directory_that_is_not_a_git_repository_is_refused_by_name() throws Exception {
        Path plain = Files.createDirectory(dir.resolve("plain"));

        assertThatThrownBy(() -> GitPackageSource.open(plain))
                .isInstanceOf(UnableToOpenRepositoryException.class)
                .hasMessageContaining(plain.toString())
                .hasMessageContaining("is not a git repository");
        assertThatThrownBy(() -> GitPackageSource.open(dir.resolve("missing")))
                .isInstanceOf(UnableToOpenRepositoryException.class)
                .hasMessageContaining("does not exist");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
