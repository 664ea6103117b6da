package pdmbot.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.testing.GitFixture;
import pdmbot.config.WorldConfig;

/** The ledger's answers, through the chat core, on a git repository built by the test (H2 store). */
class LedgerTest {

    @TempDir
    Path temp;

    GitFixture repo;
    PdmBot bot;
    final List<String> announced = new ArrayList<>();
    String p1, p2, p3, p4, p5;
    RevCommit addM1, addM2, modifyM1;

    static final String M1 = "db/post_migrate/20231101100000_add_index_ci_builds_on_status.rb";
    static final String M2 = "db/post_migrate/20231101110000_remove_users_theme_column.rb";

    @BeforeEach
    void buildHistory() {
        repo = GitFixture.init(temp.resolve("repo"));
        repo.write("README.md", "app\n").write("db/migrate/20231101000000_regular.rb", "class Regular; end\n");
        RevCommit base = repo.commit("Initial commit", "Ada Lovelace", 0);
        p1 = repo.tagPackage("16.6", "202311010100", base);
        repo.write(M1, GitFixture.migration("AddIndexCiBuildsOnStatus", "gitlab_ci",
                "add_concurrent_index :ci_builds, :status, name: 'idx_ci_builds_status'"));
        addM1 = repo.commit("Add an index on ci_builds status", "Grace Hopper", 1201);
        p2 = repo.tagPackage("16.6", "202311010200", addM1);
        repo.write(M2, GitFixture.migration("RemoveUsersThemeColumn", "gitlab_main", "remove_column :users, :theme_id"));
        addM2 = repo.commit("Remove users.theme_id", "Alan Turing", 1202);
        repo.write(M1, GitFixture.migration("AddIndexCiBuildsOnStatus", "gitlab_ci",
                "add_concurrent_index :ci_builds, [:status, :id], name: 'idx_ci_builds_status'"));
        modifyM1 = repo.commit("Widen the ci_builds status index", "Grace Hopper", 1203);
        p3 = repo.tagPackage("16.6", "202311010300", modifyM1);
        repo.delete(M2);
        RevCommit revert = repo.commit("Revert \"Remove users.theme_id\"", "Alan Turing", 1204);
        p4 = repo.tagPackage("16.7", "202311010400", revert);
        bot = start();
    }

    private PdmBot start() {
        BotConfig config = BotConfig.defaults().withData(temp.resolve("data").toString())
                .withWorld(new WorldConfig("git", null, repo.root().toString(), null, null));
        PdmBot started = PdmBot.start(config, Map.of());
        started.announcements().subscribe((topic, message) -> announced.add(message.plainText()));
        return started;
    }

    @AfterEach
    void close() {
        bot.close();
        repo.close();
    }

    private Reply say(String text) {
        return bot.core().handle(ChatRequest.of("console", "someone", text));
    }

    @Test
    void every_package_is_ingested_once_with_what_it_changed() {
        assertThat(bot.ledger().store().packageCount()).isEqualTo(4);
        assertThat(bot.ledger().store().changesOf("20231101100000")).extracting(e -> e.packageVersion().toString(), e -> e.kind().column())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p2, "added"), org.assertj.core.groups.Tuple.tuple(p3, "modified"));
        assertThat(bot.ledger().ingestion().catchUp().ingested()).isEmpty();
    }

    @Test
    void the_first_backfill_posts_no_release_note_but_a_new_package_gets_exactly_one() throws Exception {
        assertThat(announced).isEmpty();
        repo.write("db/post_migrate/20231102090000_finalize_backfill_notes.rb",
                GitFixture.migration("FinalizeBackfillNotes", null, "ensure_batched_background_migration_is_finished(job_class_name: 'BackfillNotes', table_name: :notes, column_name: :id, job_arguments: [])"));
        p5 = repo.tagPackage("16.7", "202311020500", repo.commit("Finalize the notes backfill", "Ada Lovelace", 1300));
        LedgerIngestion.Report report = bot.ledger().ingestion().catchUp();
        assertThat(report.ingested()).extracting(Object::toString).containsExactly(p5);
        assertThat(announced).singleElement().asString().contains(p5).contains("20231102090000_finalize_backfill_notes.rb");
        assertThat(Files.readString(temp.resolve("data/release-notes.md"))).contains(p5);
        bot.ledger().ingestion().catchUp();
        bot.close();
        bot = start();
        assertThat(announced).hasSize(1);
    }

    @Test
    @DisplayName("'migration package' names the package, commit, author, MR and later changes")
    void migration_package_answers_where_a_migration_came_from() {
        Reply reply = say("migration package AddIndexCiBuildsOnStatus");
        assertThat(reply.isOk()).isTrue();
        assertThat(reply.plainText())
                .contains("introduced by: `" + p2 + "`")
                .contains(addM1.name().substring(0, 11))
                .contains("Grace Hopper")
                .contains("gitlab-org/gitlab!1201")
                .contains("modified in `" + p3 + "`");
    }

    @Test
    void a_removed_migration_says_which_package_removed_it() {
        assertThat(say("migration package 20231101110000").plainText()).contains("removed (reverted) by `" + p4 + "`");
    }

    @Test
    void refs_resolve_by_version_prefix_file_name_path_and_snake_name() {
        for (String ref : List.of("20231101100000", "202311011000", "20231101100000_add_index_ci_builds_on_status.rb", M1,
                "add_index_ci_builds_on_status", "addindexcibuildsonstatus"))
            assertThat(say("migration package " + ref).plainText()).as(ref).contains("AddIndexCiBuildsOnStatus (20231101100000)");
    }

    @Test
    void an_ambiguous_ref_lists_the_candidates() {
        Reply reply = say("migration package 2023110112");
        assertThat(reply.plainText()).contains("No post-deploy migration");
        reply = say("migration package 202311011");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("matches 2 migrations").contains("AddIndexCiBuildsOnStatus").contains("RemoveUsersThemeColumn");
    }

    @Test
    void an_unknown_ref_gets_a_did_you_mean() {
        Reply reply = say("migration status AddIndexCiBuildOnStatus");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("did you mean AddIndexCiBuildsOnStatus (20231101100000)?");
    }

    @Test
    void package_migrations_lists_what_a_package_introduced() {
        assertThat(say("package migrations " + p2).plainText()).contains("20231101100000").contains("AddIndexCiBuildsOnStatus").contains("ci");
        assertThat(say("package migrations " + p1).plainText()).contains("introduced no post-deploy migration");
        assertThat(say("package migrations 16.6.202311010200").plainText()).contains("Package " + p2);
    }

    @Test
    void package_migrations_refuses_what_is_not_a_package_version() {
        Reply reply = say("package migrations latest");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("is not an auto-deploy package version");
        assertThat(say("package migrations 16.6.202311010200-00000000000.00000000000").plainText()).contains("No package");
    }

    @Test
    void migration_status_on_a_fresh_checkout_says_nothing_is_deployed() {
        String text = say("migration status 20231101100000").plainText();
        assertThat(text).contains("applies to ci").contains("db/gstg").contains("not deployed");
        assertThat(text).doesNotContain("main ");
    }

    @Test
    void auto_deploy_status_resolves_short_shas_and_refuses_unknown_ones() {
        assertThat(say("auto_deploy status " + addM1.name().substring(0, 8)).plainText())
                .contains("Commit " + addM1.name().substring(0, 11)).contains("First package with it: `" + p2 + "`")
                .contains("AddIndexCiBuildsOnStatus");
        Reply unknown = say("auto_deploy status deadbeef");
        assertThat(unknown.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(say("auto_deploy status nothex!").plainText()).contains("is not a commit sha");
    }
}
