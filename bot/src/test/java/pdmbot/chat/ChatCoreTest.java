package pdmbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatCoreTest {

    record Audited(String user, String command, Reply.Outcome outcome, String detail, String correlationId) {
    }

    private final List<Audited> audit = new ArrayList<>();
    private final ChatCore core = core();

    private ChatCore core() {
        AtomicReference<Router> router = new AtomicReference<>();
        router.set(new Router(List.of(
                new HelpCommand(router::get),
                new Echo("pdm status", Role.EVERYONE),
                new Echo("pdm execute", Role.RELEASE_MANAGER, "post_deploy_migrations execute"),
                new Echo("pdm lock", Role.RELEASE_MANAGER),
                new Echo("migration explain", Role.EVERYONE),
                new Crash())));
        AuditTrail trail = (request, command, outcome, detail, correlationId, duration) ->
                audit.add(new Audited(request.userId(), command, outcome, detail, correlationId));
        return new ChatCore(router.get(), RoleDirectory.configured(Map.of("slack", Set.of("U_RM"))), trail);
    }

    static final class Echo implements Command {
        private final String name;
        private final Role role;
        private final List<String> aliases;

        Echo(String name, Role role, String... aliases) {
            this.name = name;
            this.role = role;
            this.aliases = List.of(aliases);
        }

        public CommandSpec spec() {
            CommandSpec.Builder spec = CommandSpec.command(name).description("Echoes " + name + ".")
                    .argument("thing", "the thing").flag("dry-run", "only pretends");
            aliases.forEach(spec::alias);
            if (role == Role.RELEASE_MANAGER) spec.releaseManagersOnly();
            return spec.handledBy(invocation -> Reply.ok(name + " got " + invocation.argument("thing")
                    + (invocation.has("dry-run") ? " (dry run)" : "")));
        }
    }

    static final class Crash implements Command {
        public CommandSpec spec() {
            return CommandSpec.command("crash").description("Always fails.")
                    .handledBy(invocation -> { throw new IllegalStateException("secret internals"); });
        }
    }

    private Reply say(String user, String text) {
        return core.handle(ChatRequest.of("slack", user, text));
    }

    @Test
    void a_command_runs_with_its_words() {
        Reply reply = say("U_ANY", "pdm status 'main db'");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.OK);
        assertThat(reply.plainText()).isEqualTo("pdm status got main db");
    }

    @Test
    void an_alias_reaches_the_same_command() {
        assertThat(say("U_RM", "post_deploy_migrations execute now --dry-run").plainText())
                .isEqualTo("pdm execute got now (dry run)");
    }

    @Test
    void command_words_are_case_insensitive() {
        assertThat(say("U_ANY", "PDM Status x").isOk()).isTrue();
    }

    @Test
    @DisplayName("'frobnicate' is refused with a pointer to help")
    void unknown_command_is_refused_and_points_to_help() {
        Reply reply = say("U_ANY", "frobnicate");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("Unknown command `frobnicate`").contains("help");
    }

    @Test
    void a_typo_gets_a_did_you_mean() {
        assertThat(say("U_ANY", "pdm stauts").plainText()).contains("Did you mean `pdm status`?");
        assertThat(say("U_ANY", "migraton explain x").plainText()).contains("Did you mean `migration explain`?");
    }

    @Test
    void an_unknown_subcommand_lists_its_group() {
        assertThat(say("U_ANY", "pdm").plainText()).contains("`pdm status`").contains("`pdm execute`");
    }

    @Test
    void a_missing_argument_is_answered_with_the_usage() {
        Reply reply = say("U_ANY", "pdm status");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(reply.plainText()).contains("missing the thing").contains("Usage: `pdm status <thing> [--dry-run]`");
    }

    @Test
    void an_unknown_option_is_refused_naming_the_known_ones() {
        assertThat(say("U_ANY", "pdm status x --force").plainText())
                .contains("unknown option --force").contains("--dry-run");
    }

    @Test
    void everyone_may_ask_but_only_release_managers_may_execute() {
        Reply refused = say("U_ANY", "pdm execute now");
        assertThat(refused.outcome()).isEqualTo(Reply.Outcome.REFUSED);
        assertThat(refused.plainText()).contains("is for release managers").contains("everyone");
        assertThat(say("U_RM", "pdm execute now").isOk()).isTrue();
    }

    @Test
    void a_crash_answers_generically_with_a_correlation_id_and_no_internals() {
        Reply reply = say("U_ANY", "crash");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.FAILED);
        assertThat(reply.plainText()).doesNotContain("secret internals").doesNotContain("IllegalStateException")
                .contains(audit.get(0).correlationId());
    }

    @Test
    void every_command_is_audited_with_user_command_and_outcome() {
        say("U_ANY", "pdm status x");
        say("U_ANY", "pdm execute now");
        say("U_ANY", "nonsense");
        assertThat(audit).extracting(Audited::user, Audited::command, Audited::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("U_ANY", "pdm status", Reply.Outcome.OK),
                org.assertj.core.groups.Tuple.tuple("U_ANY", "pdm execute", Reply.Outcome.REFUSED),
                org.assertj.core.groups.Tuple.tuple("U_ANY", "", Reply.Outcome.REFUSED));
    }

    @Test
    void an_audit_failure_does_not_lose_the_reply() {
        ChatCore broken = new ChatCore(new Router(List.of(new Echo("pdm status", Role.EVERYONE))),
                (p, u) -> Role.EVERYONE,
                (request, command, outcome, detail, id, d) -> { throw new IllegalStateException("db down"); });
        assertThat(broken.handle(ChatRequest.of("console", "me", "pdm status x")).isOk()).isTrue();
    }

    @Test
    void help_lists_every_command_and_marks_release_manager_ones() {
        String help = say("U_ANY", "help").plainText();
        assertThat(help).contains("pdm status <thing>", "migration explain <thing>", "help [command]")
                .contains("(release managers)");
    }

    @Test
    void help_for_one_command_shows_usage_aliases_and_role() {
        String help = say("U_ANY", "help pdm execute").plainText();
        assertThat(help).contains("`pdm execute <thing> [--dry-run]`").contains("post_deploy_migrations execute")
                .contains("release managers");
    }

    @Test
    void help_for_an_unknown_command_suggests_a_close_one() {
        assertThat(say("U_ANY", "help pdm exectue").plainText()).contains("Did you mean `pdm execute`?");
    }

    @Test
    void an_empty_line_asks_for_a_command() {
        assertThat(say("U_ANY", "   ").outcome()).isEqualTo(Reply.Outcome.REFUSED);
    }

    @Test
    void two_commands_with_the_same_words_are_a_wiring_bug() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Router(List.of(
                new Echo("pdm status", Role.EVERYONE), new Echo("pdm status", Role.EVERYONE))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void audit_duration_is_measured() {
        List<Duration> durations = new ArrayList<>();
        ChatCore timed = new ChatCore(new Router(List.of(new Echo("pdm status", Role.EVERYONE))),
                (p, u) -> Role.EVERYONE, (r, c, o, d, id, took) -> durations.add(took));
        timed.handle(ChatRequest.of("console", "me", "pdm status x"));
        assertThat(durations).singleElement().satisfies(d -> assertThat(d).isPositive());
    }

    @Test
    @DisplayName("'pdm\\u00a0status' reaches pdm status instead of 'did you mean pdm status' (issue 10, item 7)")
    void a_no_break_space_between_the_words_of_a_command_is_a_space() {
        Reply reply = say("U_ANY", "pdm\u00a0status\u00a0x");
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.OK);
        assertThat(reply.plainText()).isEqualTo("pdm status got x");
    }
}
