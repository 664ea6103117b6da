package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Reply;

/** {@code help <word>} for a family of commands lists every command of it, and usage lines read as the words are typed. */
class HelpFamiliesTest {

    @TempDir
    static Path dir;
    static TestBot bot;

    @BeforeAll
    static void start() {
        bot = TestBot.start(TestBot.config(dir));
    }

    @AfterAll
    static void close() {
        bot.close();
    }

    /** The commands with {@code word} (or its plural) among their words, as a user looking for "the deploy commands" means it. */
    private List<CommandSpec> family(String word) {
        return bot.bot.core().router().commands().stream()
                .filter(c -> Arrays.stream(c.name().split(" ")).anyMatch(w -> w.equals(word) || w.equals(word + "s"))).toList();
    }

    @ParameterizedTest(name = "help {0}")
    @ValueSource(strings = {"pdm", "migration", "package", "rollback", "deploy", "triage", "proposal", "demo", "schedule"})
    void help_for_a_family_lists_every_command_of_it(String word) {
        Reply help = bot.say("help " + word);

        assertThat(family(word)).as("the %s family", word).isNotEmpty();
        assertThat(help.outcome()).isEqualTo(Reply.Outcome.OK);
        assertThat(help.plainText()).as("help %s", word).doesNotContain("Did you mean")
                .contains(family(word).stream().map(CommandSpec::usage).toList());
    }

    @Test
    void help_demo_lists_the_demo_commands_instead_of_asking_which_was_meant() {
        String help = bot.say("help demo").plainText();

        assertThat(help).contains("demo deploy start <env>", "demo incident open <severity> [--blocking]", "demo clock",
                "demo health autovacuum");
        assertThat(help).doesNotContain("No command");
    }

    @Test
    void help_deploy_shows_the_word_to_as_it_is_typed() {
        String help = bot.say("help deploy").plainText();

        assertThat(help).contains("deploy <candidate> to <environment> [--confirm]").doesNotContain("<to>");
    }

    @Test
    void deploy_without_the_word_to_says_where_it_goes() {
        Reply reply = bot.say("deploy cf930cc2066 into gprd");

        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("expected `to` between the candidate and the environment, not `into`");
    }
}
