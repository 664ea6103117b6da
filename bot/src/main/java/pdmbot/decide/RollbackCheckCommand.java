package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.Suggestions;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/**
 * {@code rollback check [env] [--target <package>]}: the packages an environment can still roll back to, why each older
 * one cannot, and what a PDM run now would cut off — from the same {@link RollbackLine} the decisions read.
 */
public final class RollbackCheckCommand implements Command {

    private static final int OLDER_SHOWN = 3;

    private final RunDecider decider;

    public RollbackCheckCommand(RunDecider decider) {
        this.decider = decider;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("rollback check")
                .description("The packages an environment (default gprd) can still roll back to, why older ones cannot, and what a PDM run now would cut off.")
                .optionalArgument("env", "gstg or gprd (a canary shares its environment's databases)")
                .option("target", "package", "answers for that package only")
                .example("rollback check")
                .example("rollback check gstg")
                .handledBy(this::check);
    }

    private Reply check(Invocation invocation) {
        Environment environment = environment(invocation.optional("env").orElse("gprd"));
        RollbackLine.Line line = decider.lineOf(environment);
        ZoneId zone = decider.calendar().calendar().zone();
        if (line.current().isEmpty()) return Reply.refused("Nothing is deployed on " + environment.id() + ": there is nothing to roll back.");
        AutoDeployPackage current = line.current().get();
        AutoDeployPackage at = line.line().orElseThrow();
        Optional<String> target = invocation.option("target");
        if (target.isPresent()) return target(line, target.get());

        Instant now = decider.clock().instant();
        Reply.Builder reply = Reply.builder().heading("Rollback on " + environment.id() + " — runs `" + current.version() + "`");
        List<List<String>> rows = new ArrayList<>();
        for (AutoDeployPackage p : line.targets())
            rows.add(List.of("`" + p.version() + "`", TimeWords.show(p.version().builtAt(), zone),
                    p.compareTo(current) == 0 ? "runs now" : p.compareTo(at) == 0 ? "the rollback line" : "can roll back"));
        reply.text("It can roll back to " + line.targets().size() + (line.targets().size() == 1 ? " package" : " packages")
                + ": those at or after `" + at.version() + "`, the newest whose post-deploy migrations have all run on db/"
                + environment.id() + ".");
        reply.table(List.of("package", "built", "rollback"), rows);
        if (!line.older().isEmpty()) {
            List<AutoDeployPackage> older = line.older();
            List<String> shown = new ArrayList<>();
            for (int i = older.size() - 1; i >= 0 && shown.size() < OLDER_SHOWN; i--)
                shown.add("`" + older.get(i).version() + "`: " + whyNot(older.get(i), at, environment));
            if (older.size() > OLDER_SHOWN) shown.add((older.size() - OLDER_SHOWN) + " older packages, for the same reason");
            reply.text("It cannot roll back to:");
            reply.bullets(shown);
        }
        List<AutoDeployPackage> cut = line.wouldCutOff();
        Duration age = line.packageAgeAt(now);
        reply.text(cut.isEmpty() ? "A PDM run now cuts off nothing: " + environment.id() + " can already roll back only to `" + current.version() + "`."
                : "A PDM run now would cut off " + DecisionReplies.names(cut, 5) + ": afterwards " + environment.id()
                + " could not roll back at all. Its package has run for " + DecisionReplies.duration(age) + " (since it was built); the bake time is "
                + DecisionReplies.duration(decider.bakeTime()) + (age.compareTo(decider.bakeTime()) < 0
                ? ", so the decisions hold such a run until " + TimeWords.show(current.version().builtAt().plus(decider.bakeTime()), zone) + "."
                : ", which has passed."));
        return reply.build();
    }

    private static String whyNot(AutoDeployPackage p, AutoDeployPackage at, Environment environment) {
        return "older than the rollback line `" + at.version() + "`: the post-deploy migrations up to it ran on db/" + environment.id()
                + " and may have removed what its code uses";
    }

    private Reply target(RollbackLine.Line line, String text) {
        Environment environment = line.environment();
        AutoDeployPackage current = line.current().orElseThrow();
        Optional<PackageVersion> wanted = PackageVersion.parse(text.strip());
        List<AutoDeployPackage> known = new ArrayList<>(line.older());
        known.addAll(line.targets());
        Optional<AutoDeployPackage> found = known.stream().filter(p -> wanted.map(w -> p.version().equals(w))
                .orElse(p.version().toString().equals(text.strip()))).findFirst();
        if (found.isEmpty()) {
            List<String> names = known.stream().map(p -> p.version().toString()).toList();
            List<String> close = Suggestions.closest(text.strip(), names, 3);
            return Reply.refused("`" + text.strip() + "` is not a package up to what " + environment.id() + " runs (`" + current.version() + "`)"
                    + (close.isEmpty() ? "; `rollback check " + environment.id() + "` lists the ones it can roll back to."
                    : " — did you mean " + String.join(" or ", close.stream().map(c -> "`" + c + "`").toList()) + "?"));
        }
        AutoDeployPackage p = found.get();
        if (line.older().contains(p))
            return Reply.ok(environment.id() + " cannot roll back to `" + p.version() + "`: " + whyNot(p, line.line().orElseThrow(), environment) + ".");
        if (p.compareTo(current) == 0) return Reply.ok("`" + p.version() + "` is what " + environment.id() + " runs now; a PDM run keeps it.");
        return Reply.ok(environment.id() + " can roll back to `" + p.version() + "`; a PDM run now would cut it off"
                + " (it moves the rollback line to `" + current.version() + "`).");
    }

    static Environment environment(String word) {
        Optional<Environment> e = Environment.byId(word);
        if (e.isEmpty()) throw new UsageException("unknown environment \"" + word + "\"; expected gstg or gprd");
        if (e.get() == Environment.GSTG_CNY) return Environment.GSTG;
        if (e.get() == Environment.GPRD_CNY) return Environment.GPRD;
        return e.get();
    }
}
