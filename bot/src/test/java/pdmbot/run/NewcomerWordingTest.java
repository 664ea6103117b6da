package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.testing.GitFixture;
import pdmbot.config.WorldConfig;

/** The small things a newcomer notices in the first hour, on the demo world (issue 10, item 10). */
class NewcomerWordingTest {

    @TempDir
    Path dir;

    private TestBot bot() {
        return TestBot.start(TestBot.config(dir));
    }

    @Test
    void an_ambiguous_package_prefix_says_how_many_candidates_it_did_not_list() {
        try (TestBot bot = bot()) {
            Reply reply = bot.say("package migrations 16.7.2023");
            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            String text = reply.plainText();
            int matches = Integer.parseInt(text.replaceAll("(?s).*matches (\\d+) packages.*", "$1"));
            assertThat(matches).isGreaterThan(10);
            assertThat(text).contains("…and " + (matches - 10) + " more.");
        }
    }

    @Test
    void the_sha_length_is_worded_the_same_when_missing_and_when_malformed() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("auto_deploy status").plainText()).contains("4 to 40 hex characters");
            assertThat(bot.say("auto_deploy status xyz").plainText()).contains("4 to 40 hex characters");
        }
    }

    @Test
    void demo_fail_next_keeps_every_planned_failure_and_says_what_is_planned() {
        try (TestBot bot = bot()) {
            bot.say("demo fail next qa");
            Reply second = bot.say("demo fail next 20231107025611");
            assertThat(second.plainText()).contains("Planned failures").contains("the next QA pipeline")
                    .contains("`20231107025611` remove_index_merge_requests_on_merge_jid");
            assertThat(bot.demo().plannedFailures()).containsExactly("qa", "20231107025611");
        }
    }

    @Test
    void closing_demo_incidents_and_change_requests_reads_naturally() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("demo incident close").plainText()).isEqualTo("No incident was open; nothing to close.");
            bot.say("demo incident open 1");
            assertThat(bot.say("demo incident close").plainText()).isEqualTo("Closed 1 incident.");
            bot.say("demo cr open C1");
            bot.say("demo cr open C2");
            assertThat(bot.say("demo cr close").plainText()).isEqualTo("Closed 2 change requests.");
        }
    }

    @Test
    @DisplayName("help tells a guest they are not a release manager, not 'You are everyone.'")
    void help_says_in_words_what_the_caller_may_do() {
        try (TestBot bot = bot()) {
            assertThat(bot.sayAsGuest("help").plainText()).doesNotContain("You are everyone")
                    .contains("You are not a release manager");
            assertThat(bot.say("help").plainText()).contains("You are a release manager");
        }
    }

    @Test
    void a_reverted_migration_says_where_it_was_reverted_instead_of_not_deployed_yet() {
        try (TestBot bot = bot()) {
            String status = bot.say("migration status remove_merge_requests_merge_jid_column").plainText();
            assertThat(status).doesNotContain("not deployed yet").containsPattern("db/gstg\\s+main\\s+reverted in `16\\.");
        }
    }

    @Test
    void demo_commands_refuse_on_a_git_checkout_and_say_why() {
        Path repo = dir.resolve("repo");
        try (GitFixture git = GitFixture.init(repo)) {
            git.write("README.md", "an app\n").commit("Initial commit", "Ada", 1);
        }
        BotConfig defaults = BotConfig.defaults().withData(dir.resolve("data").toString());
        WorldConfig world = defaults.world();
        BotConfig onGit = defaults.withWorld(new WorldConfig("git", world.demoSeed(), repo.toString(), world.refPattern(),
                world.gitlab()));
        try (TestBot bot = TestBot.start(onGit)) {
            Reply reply = bot.say("demo incident open 1");
            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("works only on the demo world").contains("the git checkout");
            assertThat(bot.say("pdm execute --dry-run").plainText()).doesNotContain("Demo incident");
        }
    }
}
