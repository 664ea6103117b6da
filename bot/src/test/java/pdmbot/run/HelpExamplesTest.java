package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Reply;
import pdmbot.chat.Role;

/**
 * Every example {@code help <command>} shows works on a fresh demo world, after the lines it says it follows, or is
 * refused there for the reason it documents (issue 10, item 4). A new command's examples are checked without
 * touching this test. Questions anyone may ask change nothing, so they share one fresh world; every other command
 * gets its own.
 */
class HelpExamplesTest {

    @TempDir
    Path dir;

    private TestBot shared;

    @AfterEach
    void close() {
        if (shared != null) shared.close();
    }

    @TestFactory
    Stream<DynamicTest> every_command_shows_examples_and_each_works_on_a_fresh_demo_world() {
        shared = TestBot.start(TestBot.config(dir.resolve("questions")));
        List<CommandSpec> commands = shared.bot.core().router().commands();
        return commands.stream().map(command -> DynamicTest.dynamicTest(command.name(), () -> {
            assertThat(command.examples()).as("the examples of %s", command.name()).isNotEmpty();
            if (isQuestion(command)) {
                check(shared, command);
            } else {
                try (TestBot fresh = TestBot.start(TestBot.config(dir.resolve(command.name().replace(' ', '-'))))) {
                    check(fresh, command);
                }
            }
        }));
    }

    private static boolean isQuestion(CommandSpec command) {
        return command.role() == Role.EVERYONE && command.examples().stream().allMatch(e -> e.given().isEmpty());
    }

    private static void check(TestBot bot, CommandSpec command) {
        for (CommandSpec.Example example : command.examples()) {
            for (String given : example.given())
                assertThat(bot.say(given).outcome()).as("`%s` before `%s`", given, example.words())
                        .isNotEqualTo(Reply.Outcome.FAILED);
            Reply reply = bot.say(example.words());
            Reply.Outcome expected = example.refusedBecause().isPresent() ? Reply.Outcome.REFUSED : Reply.Outcome.OK;
            assertThat(reply.outcome()).as("`%s` answered:%n%s", example.words(), reply.plainText()).isEqualTo(expected);
        }
    }
}
