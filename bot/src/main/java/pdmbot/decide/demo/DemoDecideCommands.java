package pdmbot.decide.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.decide.TimeWords;

/**
 * The demo commands of the run decisions: set the clock the decisions read, trip and clear autovacuum on a table, and
 * finish a batched background migration, so that {@code pdm schedule} can be seen to change. They refuse on any
 * world but the demo.
 */
public final class DemoDecideCommands {

    private final Optional<DemoDecideState> state;
    private final Clock real;
    private final ZoneId zone;
    private final String world;

    public DemoDecideCommands(Optional<DemoDecideState> state, Clock real, ZoneId zone, String world) {
        this.state = state;
        this.real = real;
        this.zone = zone;
        this.world = world;
    }

    public List<Command> commands() {
        return List.of(
                CommandSpec.command("demo clock").releaseManagersOnly()
                        .description("Demo: sets the time the run decisions see (it then runs on from there), or `real` for real time.")
                        .rest("time", "a time (" + TimeWords.FORMATS + ") or real")
                        .example("demo clock saturday 03:00")
                        .example("demo clock real")
                        .handledBy(onDemo(this::clock)),
                CommandSpec.command("demo health autovacuum").releaseManagersOnly()
                        .description("Demo: autovacuum is running on the table (the autovacuum signal says stop for migrations on it).")
                        .argument("table", "the table, e.g. merge_requests")
                        .example("demo health autovacuum merge_requests")
                        .handledBy(onDemo(this::autovacuum)),
                CommandSpec.command("demo health clear").releaseManagersOnly()
                        .description("Demo: autovacuum stops on every table.")
                        .example("demo health clear")
                        .handledBy(onDemo(i -> {
                            int n = state.orElseThrow().clearHealth();
                            return Reply.ok(n == 0 ? "No health signal was tripped; nothing to clear."
                                    : "Autovacuum stopped on " + n + (n == 1 ? " table." : " tables."));
                        })),
                CommandSpec.command("demo bbm finish").releaseManagersOnly()
                        .description("Demo: the batched background migration of that job class finishes on every database.")
                        .argument("job", "the job class, e.g. BackfillProjectsOrganizationId")
                        .example("demo bbm finish BackfillProjectsOrganizationId")
                        .handledBy(onDemo(this::finish)));
    }

    private CommandSpec.Handler onDemo(CommandSpec.Handler handler) {
        return invocation -> state.isPresent() ? handler.handle(invocation)
                : Reply.refused("`" + invocation.command().name() + "` works only on the demo world; this bot runs on "
                + world + ". Start it without `--repo` (world.kind demo) to try the demo commands.");
    }

    private Reply clock(Invocation invocation) {
        String text = invocation.rest("time").strip();
        DemoDecideState s = state.orElseThrow();
        if (text.equalsIgnoreCase("real")) {
            s.realClock();
            return Reply.ok("The decisions' clock is real time again: " + TimeWords.show(real.instant(), zone) + ".");
        }
        Instant at = TimeWords.parse(text, s.now(real.instant()), zone);
        s.setClock(at, real.instant());
        return Reply.ok("The decisions' clock now reads " + TimeWords.show(at, zone)
                + " and runs on from there; `demo clock real` goes back to real time.");
    }

    private Reply autovacuum(Invocation invocation) {
        String table = invocation.argument("table");
        if (!table.matches("[a-z][a-z0-9_]*"))
            throw new UsageException("\"" + table + "\" is not a table name; expected lower-case letters, digits and _");
        state.orElseThrow().autovacuumOn(table);
        return Reply.ok("Autovacuum is now running on " + table + ": the autovacuum signal says stop for migrations on it"
                + " (`demo health clear` stops it).");
    }

    private Reply finish(Invocation invocation) {
        String job = invocation.argument("job");
        int n = state.orElseThrow().finish(job);
        List<String> known = state.orElseThrow().saved().backgroundMigrations().stream().map(DemoDecideState.Row::jobClassName).toList();
        if (n == 0 && known.stream().noneMatch(k -> k.equalsIgnoreCase(job)))
            return Reply.refused("No batched background migration is called " + job + "; the demo has " + String.join(", ", known) + ".");
        return Reply.ok(n == 0 ? job + " was already finished." : job + " is finished on " + n + (n == 1 ? " database." : " databases."));
    }
}
