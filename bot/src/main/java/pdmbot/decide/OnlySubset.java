package pdmbot.decide;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pdmbot.chat.Reply;
import pdmbot.chat.Suggestions;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.rules.classify.Nature;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.rules.decide.DecisionReport;
import pdmbot.rules.decide.SubsetRefusal;
import pdmbot.run.PendingPlan;
import pdmbot.run.SubsetPlanner;
import pdmbot.storage.runs.RunScope;

/**
 * {@code pdm execute --only <nature|version,...>}: resolves the words against what is pending (unknown ones get a
 * "did you mean"), lists the chosen migrations in version order with the decision of their group, and asks the rules
 * whether the subset would run a migration before an earlier pending one on the same table.
 */
public final class OnlySubset implements SubsetPlanner {

    private final RunDecider decider;

    public OnlySubset(RunDecider decider) {
        this.decider = decider;
    }

    @Override
    public Reply plan(String only, boolean dryRun) {
        Subset subset = choose(only, Set.copyOf(PendingGroups.ENVIRONMENTS), "--only " + only);
        if (subset instanceof Refused refused) return refused.reply();
        Chosen chosen = (Chosen) subset;
        Reply.Builder reply = Reply.builder().heading((dryRun ? "Dry run: " : "") + "`--only " + only + "` runs " + chosen.rows().size()
                + (chosen.rows().size() == 1 ? " migration" : " migrations") + ", in version order");
        describe(reply, chosen);
        if (dryRun) return reply.note("Nothing was changed.").build();
        return reply.note("`pdm execute --only " + only + " --confirm` starts it.").build();
    }

    /** The chosen migrations' table and their groups' decisions now, added to {@code reply}. */
    public static void describe(Reply.Builder reply, Chosen chosen) {
        reply.table(chosen.headers(), chosen.rows());
        reply.text(chosen.decisions().get(0)).bullets(chosen.decisions().subList(1, chosen.decisions().size()));
    }

    @Override
    public Subset choose(String only, Set<Environment> environments, String scopeWords) {
        PendingGroups.Read read = decider.pendingNow();
        List<String> words = Arrays.stream(only.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) throw new UsageException("--only takes natures or versions separated by commas, e.g. `--only sidekiq_only,20231107025611`");
        Set<String> natures = new TreeSet<>();
        Set<String> versions = new TreeSet<>();
        Set<String> pendingVersions = new TreeSet<>();
        read.groups().forEach(g -> pendingVersions.addAll(g.fact().versions()));
        List<String> natureNames = Arrays.stream(Nature.values()).map(Nature::wireName).toList();
        for (String word : words) {
            if (natureNames.contains(word)) natures.add(word);
            else if (pendingVersions.contains(word)) versions.add(word);
            else throw new UsageException(unknown(word, natureNames, pendingVersions));
        }
        // what is chosen, per environment, in version order
        List<Object> facts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<RunScope.Entry> scope = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Environment environment : read.plan().environments()) {
            if (!environments.contains(environment)) continue;
            for (PendingPlan.Entry entry : read.plan().on(environment)) {
                String version = entry.migration().version();
                GroupFacts group = read.groups().stream().filter(g -> g.group().environment() == environment
                        && g.fact().versions().contains(version)).findFirst().orElseThrow();
                boolean chosen = natures.contains(group.group().nature()) || versions.contains(version);
                Set<String> tables = read.touched().get(environment.id() + " " + version).tables();
                for (String table : tables) facts.add(new DecisionFacts.PendingOnTable(environment.id(), version, table));
                if (!chosen) continue;
                facts.add(new DecisionFacts.Chosen(environment.id(), version));
                for (String table : tables) facts.add(new DecisionFacts.Selected(environment.id(), version, table));
                groups.add(group.key());
                entry.databases().stream().sorted().forEach(d -> scope.add(new RunScope.Entry(environment, d, version)));
                rows.add(List.of(environment.id(), version, entry.migration().name(), group.group().nature(),
                        String.join(",", entry.databases().stream().map(d -> d.id()).toList()),
                        DecisionReplies.duration(group.predictions().get(version).expected())));
            }
        }
        if (rows.isEmpty())
            return new Refused(Reply.refused("Nothing pending matches `--only " + only + "`: no pending migration "
                    + (natures.isEmpty() ? "has those versions" : "has " + (natures.size() == 1 ? "the nature " : "those natures ")
                    + String.join(", ", natures)) + (environments.size() == 1 ? " on " + environments.iterator().next().id() : "")
                    + ". `pdm schedule` lists what is pending by nature."));
        DecisionReport report = decider.rules().evaluate(facts);
        if (!report.refusals().isEmpty()) {
            List<String> why = report.refusals().stream().map(r -> refusal(r, read)).toList();
            return new Refused(Reply.builder(Reply.Outcome.REFUSED)
                    .text("This subset would run a migration before an earlier one pending on the same table, which must run first:")
                    .bullets(why)
                    .note("Add the earlier migration to `--only`, or leave the later one out (rule \"" + report.refusals().get(0).rule() + "\").")
                    .build());
        }
        ZoneId zone = decider.calendar().calendar().zone();
        RunDecider.Schedule now = decider.decideAt(decider.clock().instant());
        List<String> decisions = new ArrayList<>();
        decisions.add("Decisions now (" + TimeWords.show(now.from(), zone) + "):");
        for (RunDecider.Scheduled s : now.groups())
            if (groups.contains(s.group().key()))
                decisions.add(s.group().key() + ": " + s.now().kind().id() + " — " + String.join("; ", DecisionReplies.reasons(s.now())));
        return new Chosen(new RunScope(scopeWords, scope),
                List.of("environment", "version", "migration", "nature", "databases", "expected"), rows, decisions);
    }

    private static String refusal(SubsetRefusal r, PendingGroups.Read read) {
        return r.environment() + ": " + name(r.version(), read) + " would run before " + name(r.earlier(), read)
                + ", pending earlier on " + r.table();
    }

    private static String name(String version, PendingGroups.Read read) {
        for (Environment e : read.plan().environments())
            for (PendingPlan.Entry entry : read.plan().on(e))
                if (entry.migration().version().equals(version)) return entry.migration().className() + " (" + version + ")";
        return version;
    }

    private static String unknown(String word, List<String> natures, Set<String> versions) {
        List<String> candidates = new ArrayList<>(natures);
        candidates.addAll(versions);
        List<String> close = Suggestions.closest(word, candidates, 3);
        return "\"" + word + "\" is neither a nature (" + String.join(", ", natures) + ") nor a pending version"
                + (close.isEmpty() ? "; `pdm schedule` lists what is pending" : " (did you mean " + String.join(" or ", close) + "?)");
    }
}
