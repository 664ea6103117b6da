package pdmbot.ledger;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Suggestions;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.world.Lookup;

/**
 * Resolves what a user typed to one post-deploy migration, in one place for every command: a version,
 * a unique version prefix, a class name, a snake name, a file name or a path.
 */
public final class MigrationRefs {

    private final LedgerStore ledger;

    public MigrationRefs(LedgerStore ledger) {
        this.ledger = ledger;
    }

    public Lookup<PostMigration> resolve(String ref) {
        String typed = ref.trim();
        if (typed.isEmpty()) return new Lookup.NotFound<>(ref, "an empty reference names no migration");
        List<PostMigration> matches = ledger.findMigrations(typed);
        if (matches.size() == 1) return new Lookup.Found<>(typed, matches.get(0));
        if (matches.size() > 1) {
            List<PostMigration> exact = matches.stream().filter(m -> m.version().equals(typed)
                    || m.className().equalsIgnoreCase(typed) || m.name().equalsIgnoreCase(typed)).toList();
            if (exact.size() == 1) return new Lookup.Found<>(typed, exact.get(0));
            return new Lookup.Ambiguous<>(typed, matches);
        }
        return new Lookup.NotFound<>(typed, "no post-deploy migration matches \"" + typed + "\"" + didYouMean(typed));
    }

    private String didYouMean(String typed) {
        List<PostMigration> all = ledger.allMigrations();
        if (all.isEmpty()) return " (the ledger is empty: no package has been ingested yet)";
        List<String> names = new ArrayList<>();
        boolean camel = Character.isUpperCase(typed.charAt(0));
        for (PostMigration m : all) names.add(camel ? m.className() : m.name());
        List<String> close = Suggestions.closest(typed, names, 2);
        if (close.isEmpty()) return " (try a 14-digit version, a class name or a file name)";
        List<String> shown = new ArrayList<>();
        for (String name : close)
            all.stream().filter(m -> (camel ? m.className() : m.name()).equals(name)).findFirst()
                    .ifPresent(m -> shown.add(m.className() + " (" + m.version() + ")"));
        return " — did you mean " + String.join(" or ", shown) + "?";
    }
}
