package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Reply;
import pdmbot.chat.Role;

/** Who may run what is declared once per command, and it is what the README promises (issue 11, item 1). */
class CommandRolesTest {

    @TempDir
    Path dir;

    @Test
    void a_guest_may_not_change_the_demo_world() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            Reply reply = bot.sayAsGuest("demo incident open 1");
            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("`demo incident open` is for release managers");
            assertThat(bot.demo().activeIncidents()).isEmpty();
        }
    }

    @Test
    void every_command_has_the_role_the_readme_gives_it() throws IOException {
        List<String> releaseManagerOnly = releaseManagerCommandsInTheReadme();
        assertThat(releaseManagerOnly).contains("pdm execute", "demo", "rules reload");
        List<String> forEveryone = everyoneCommandsInTheReadme();
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            for (CommandSpec command : bot.bot.core().router().commands()) {
                // `demo` (RM) covers `demo incident open`…; a command with a heading of its own for everyone
                // (`deploy status` beside `deploy <package|sha> to <env>` — RM) is what its own heading says
                boolean documentedRm = releaseManagerOnly.contains(command.name())
                        || !forEveryone.contains(command.name()) && releaseManagerOnly.stream()
                        .anyMatch(rm -> command.name().startsWith(rm + " "));
                assertThat(command.role()).as("the role of `%s`", command.name())
                        .isEqualTo(documentedRm ? Role.RELEASE_MANAGER : Role.EVERYONE);
            }
        }
    }

    /** The commands the README's "Chat commands" section marks RM: headings "— RM" and "`words` (RM)" in the text. */
    private static List<String> releaseManagerCommandsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String chat = readme.substring(readme.indexOf("## Chat commands"), readme.indexOf("## Command line"));
        List<String> commands = new ArrayList<>();
        Matcher heading = Pattern.compile("(?m)^### `([^`]+)` — RM$").matcher(chat);
        while (heading.find())
            for (String usage : heading.group(1).split("\\|")) commands.add(commandWords(usage));
        Matcher inline = Pattern.compile("`([a-z_ ]+)` \\(RM\\)").matcher(chat);
        while (inline.find()) commands.add(commandWords(inline.group(1)));
        return commands;
    }

    /** The commands of the README's "Chat commands" headings without "— RM". */
    private static List<String> everyoneCommandsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String chat = readme.substring(readme.indexOf("## Chat commands"), readme.indexOf("## Command line"));
        List<String> commands = new ArrayList<>();
        Matcher heading = Pattern.compile("(?m)^### `([^`]+)`$").matcher(chat);
        while (heading.find())
            for (String usage : heading.group(1).split("\\|")) commands.add(commandWords(usage));
        return commands;
    }

    private static String commandWords(String usage) {
        return usage.replaceAll("[<\\[…].*", "").trim();
    }
}
