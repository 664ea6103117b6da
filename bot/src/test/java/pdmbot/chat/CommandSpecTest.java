package pdmbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One declaration per command: usage, parsing, validation and help all come from it. */
class CommandSpecTest {

    private static final CommandSpec LOCK = CommandSpec.command("pdm lock")
            .description("Locks an environment.")
            .releaseManagersOnly()
            .argument("env", "the environment")
            .rest("reason", "why, in free words")
            .option("until", "time", "when the lock ends")
            .flag("force", "even if locked")
            .example("pdm lock gprd maintenance --until=14:00")
            .handledBy(i -> Reply.ok(i.argument("env") + "|" + i.rest("reason") + "|" + i.option("until").orElse("-")
                    + "|" + i.has("force")));

    private static Reply run(CommandSpec spec, String line) {
        return spec.handle(ChatRequest.of("console", "me", line), Role.RELEASE_MANAGER, Tokenizer.split(line));
    }

    private static String refusal(CommandSpec spec, String line) {
        try {
            run(spec, line);
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("`" + line + "` was accepted");
    }

    @Test
    void the_usage_line_is_derived_from_the_arguments_and_options() {
        assertThat(LOCK.usage()).isEqualTo("pdm lock <env> [reason] [--until=<time>] [--force]");
        assertThat(CommandSpec.command("pdm execute").description("d").flag("dry-run", "x").flag("confirm", "y")
                .handledBy(i -> Reply.ok("")).usage()).isEqualTo("pdm execute [--dry-run] [--confirm]");
    }

    @Test
    void a_word_typed_as_it_is_shows_so_in_the_usage_line_and_any_other_word_there_is_refused_naming_its_place() {
        CommandSpec deploy = CommandSpec.command("deploy").description("d").argument("candidate", "the package")
                .word("to").argument("environment", "the environment").handledBy(i -> Reply.ok(i.argument("candidate")
                        + "->" + i.argument("environment")));

        assertThat(deploy.usage()).isEqualTo("deploy <candidate> to <environment>");
        assertThat(run(deploy, "abc TO gprd").plainText()).isEqualTo("abc->gprd");
        assertThat(refusal(deploy, "abc into gprd")).isEqualTo("expected `to` between the candidate and the environment, not `into`");
        assertThat(refusal(deploy, "abc")).isEqualTo("missing the word `to`");
    }

    @Test
    void arguments_are_read_by_name_and_free_text_takes_the_remaining_words() {
        assertThat(run(LOCK, "gprd database maintenance").plainText()).isEqualTo("gprd|database maintenance|-|false");
    }

    @Test
    void a_valued_option_takes_its_value_after_an_equals_sign_or_as_the_next_word() {
        assertThat(run(LOCK, "gprd --until=14:00 --force").plainText()).isEqualTo("gprd||14:00|true");
        assertThat(run(LOCK, "gprd --until 14:00 late").plainText()).isEqualTo("gprd|late|14:00|false");
    }

    @Test
    void a_flag_given_a_value_and_an_option_without_one_are_refused() {
        assertThat(refusal(LOCK, "gprd --force=yes")).isEqualTo("--force takes no value");
        assertThat(refusal(LOCK, "gprd --until")).isEqualTo("--until needs a value: --until=<time>");
    }

    @Test
    void unknown_options_too_many_words_and_missing_arguments_are_refused_in_the_declarations_words() {
        assertThat(refusal(LOCK, "gprd --now")).isEqualTo("unknown option --now (known: --until, --force)");
        assertThat(refusal(LOCK, "")).isEqualTo("missing the environment");
        CommandSpec status = CommandSpec.command("pdm status").description("d").handledBy(i -> Reply.ok(""));
        assertThat(refusal(status, "now")).isEqualTo("too many words: now");
        assertThat(refusal(status, "--x")).isEqualTo("unknown option --x (this command takes none)");
    }

    @Test
    void a_double_dash_ends_the_options() {
        assertThat(run(LOCK, "gprd -- --force is a reason").plainText()).isEqualTo("gprd|--force is a reason|-|false");
    }

    @Test
    void a_declaration_that_cannot_be_parsed_is_a_wiring_bug() {
        assertThatThrownBy(() -> CommandSpec.command("x").description("d").optionalArgument("a", "a").argument("b", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot follow");
        assertThatThrownBy(() -> CommandSpec.command("x").description("d").flag("a", "a").flag("a", "again"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> CommandSpec.command("x").handledBy(i -> Reply.ok("")))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("no description");
    }

    @Test
    void asking_for_an_argument_the_declaration_does_not_have_is_a_wiring_bug() {
        CommandSpec wrong = CommandSpec.command("x").description("d").argument("env", "e")
                .handledBy(i -> Reply.ok(i.argument("environment")));
        assertThatThrownBy(() -> run(wrong, "gprd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares no argument environment");
    }

    @Test
    void help_shows_usage_role_every_argument_and_option_and_the_examples_from_the_declaration() {
        java.util.concurrent.atomic.AtomicReference<Router> router = new java.util.concurrent.atomic.AtomicReference<>();
        router.set(new Router(List.of(new HelpCommand(router::get), LOCK)));
        String help = new ChatCore(router.get(), RoleDirectory.configured(Map.of()), AuditTrail.NONE)
                .handle(ChatRequest.of("console", "me", "help pdm lock")).plainText();
        assertThat(help).contains("usage:   `pdm lock <env> [reason] [--until=<time>] [--force]`", "who may: release managers",
                "`<env>` — the environment", "`[reason]` — why, in free words", "`--until=<time>` — when the lock ends",
                "`--force` — even if locked", "`pdm lock gprd maintenance --until=14:00`");
    }

    @Test
    void the_role_check_comes_from_the_declaration() {
        Reply reply = new ChatCore(new Router(List.of(LOCK)), RoleDirectory.configured(Map.of()), AuditTrail.NONE)
                .handle(ChatRequest.of("slack", "U1", "pdm lock gprd"));
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("`pdm lock` is for release managers");
    }
}
