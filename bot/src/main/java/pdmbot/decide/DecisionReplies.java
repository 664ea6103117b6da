package pdmbot.decide;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Reply;
import pdmbot.rules.decide.Decision;
import pdmbot.rules.decide.DecisionKind;
import pdmbot.rules.decide.DecisionReason;
import pdmbot.world.AutoDeployPackage;

/** How decisions, windows and rollback costs read in a reply, shared by schedule, status and explain. */
public final class DecisionReplies {

    private DecisionReplies() {
    }

    public static String duration(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        if (minutes < 60) return minutes + " min";
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /** {@code about 14 min (default for …)}. */
    public static String expected(GroupFacts g) {
        return "about " + duration(g.predicted()) + " (" + g.fact().predictedBasis() + ")";
    }

    /** {@code RUN_NOW}, {@code WAIT_UNTIL Sat 2026-12-05 00:00 UTC}, {@code BLOCKED}. */
    public static String conclusion(Decision now, Optional<Window> window, ZoneId zone) {
        if (now.kind() == DecisionKind.WAIT_UNTIL)
            return "WAIT_UNTIL " + window.map(w -> TimeWords.show(w.start(), zone)).orElse("(no window in the span looked at)");
        return now.kind().id();
    }

    public static String window(Optional<Window> window, ZoneId zone) {
        return window.map(w -> TimeWords.show(w.start(), zone) + " → " + TimeWords.show(w.end(), zone)).orElse("none");
    }

    /** The reasons that decide, then the notes (an unknown signal), each {@code rule: facts}. */
    public static List<String> reasons(Decision decision) {
        List<String> lines = new ArrayList<>();
        for (DecisionReason r : decision.deciding()) lines.add(r.line());
        for (DecisionReason r : decision.reasons())
            if (r.effect() == pdmbot.rules.decide.Effect.NOTE) lines.add("note — " + r.line());
        return lines;
    }

    /** What a run of this group costs in rollback targets. */
    public static String cost(Optional<RollbackLine.Line> line) {
        if (line.isEmpty() || line.get().current().isEmpty()) return "no package is deployed there";
        List<AutoDeployPackage> cut = line.get().wouldCutOff();
        if (cut.isEmpty()) return "cuts off no rollback target (" + line.get().environment().id() + " can only stay on `"
                + line.get().current().get().version() + "`)";
        return cut.size() + (cut.size() == 1 ? " package stops" : " packages stop") + " being rollback targets: "
                + names(cut, 3);
    }

    static String names(List<AutoDeployPackage> packages, int limit) {
        List<String> shown = packages.stream().limit(limit).map(p -> "`" + p.version() + "`").toList();
        return String.join(", ", shown) + (packages.size() > limit ? " and " + (packages.size() - limit) + " more" : "");
    }

    /** One table row per group: group, migrations, expected, now, next window. */
    public static void table(Reply.Builder reply, RunDecider.Schedule schedule, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        for (RunDecider.Scheduled s : schedule.groups())
            rows.add(List.of(s.group().key(), String.valueOf(s.group().fact().versions().size()),
                    duration(s.group().predicted()), conclusion(s.now(), s.window(), zone), window(s.window(), zone)));
        reply.table(List.of("group", "migrations", "expected", "decision", "next window"), rows);
    }
}
