package pdmbot.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.config.BotConfig;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.testing.GitFixture;
import pdmbot.config.StoreConfig;
import pdmbot.config.WorldConfig;

/** The bot on a shared PostgreSQL store: two instances ingest the same packages once and answer alike. */
class LedgerOnPostgresTest {

    @TempDir
    Path temp;

    @Test
    void two_instances_on_one_postgresql_ingest_each_package_once() throws Exception {
        PostgresAddress pg = TestDatabases.freshPostgresDatabase();
        try (GitFixture repo = GitFixture.init(temp.resolve("repo"))) {
            repo.write("README.md", "app\n");
            repo.tagPackage("16.6", "202311010100", repo.commit("Initial", "Ada Lovelace", 0));
            repo.write("db/post_migrate/20231101100000_queue_backfill_notes.rb", GitFixture.migration("QueueBackfillNotes", null,
                    "queue_batched_background_migration('BackfillNotes', :notes, :id, job_interval: 2.minutes)"));
            RevCommit add = repo.commit("Queue the notes backfill", "Grace Hopper", 77);
            String p2 = repo.tagPackage("16.6", "202311010200", add);

            CompletableFuture<PdmBot> first = CompletableFuture.supplyAsync(() -> start(pg, repo, "a"));
            CompletableFuture<PdmBot> second = CompletableFuture.supplyAsync(() -> start(pg, repo, "b"));
            try (PdmBot a = first.get(); PdmBot b = second.get()) {
                assertThat(a.ledger().store().packageCount()).isEqualTo(2);
                assertThat(b.ledger().store().changesOf("20231101100000")).hasSize(1);
                String answer = b.core().handle(ChatRequest.of("console", "someone", "migration package QueueBackfillNotes")).plainText();
                assertThat(answer).contains(p2).contains("gitlab-org/gitlab!77");
                assertThat(a.database().location()).startsWith("jdbc:postgresql:");
                if (pg.password() != null && !pg.password().isEmpty()) assertThat(a.database().location()).doesNotContain(pg.password());
            }
        }
    }

    private PdmBot start(PostgresAddress pg, GitFixture repo, String instance) {
        BotConfig defaults = BotConfig.defaults();
        BotConfig config = defaults.withData(temp.resolve("data-" + instance).toString())
                .withStore(new StoreConfig("postgres", pg.url(), pg.user(), "TEST_PG_PASSWORD", null))
                .withWorld(new WorldConfig("git", null, repo.root().toString(), null, null));
        return PdmBot.start(config, Map.of("TEST_PG_PASSWORD", pg.password() == null ? "" : pg.password()));
    }
}
