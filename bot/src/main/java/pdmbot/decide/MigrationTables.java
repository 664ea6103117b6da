package pdmbot.decide;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classifier;
import pdmbot.rules.source.Call;
import pdmbot.rules.source.MigrationSource;

/**
 * The tables a migration touches and the batched background migrations it finalizes, read from its parsed source
 * (the calls that run from {@code up}/{@code change}); cached per file content.
 */
public final class MigrationTables {

    /** What the decisions need of a migration's source. */
    public record Touched(Set<String> tables, List<Finalized> finalizes) {
        public Touched {
            tables = Set.copyOf(tables);
            finalizes = List.copyOf(finalizes);
        }

        static final Touched NOTHING = new Touched(Set.of(), List.of());
    }

    /** {@code ensure_batched_background_migration_is_finished} / {@code finalize_batched_background_migration}. */
    public record Finalized(String jobClass, String table) {
    }

    private static final Set<String> FINALIZERS = Set.of("ensure_batched_background_migration_is_finished",
            "finalize_batched_background_migration", "finalize_background_migration");

    private final Map<String, Touched> cache = new ConcurrentHashMap<>();

    public Touched of(PostMigration migration, byte[] content) {
        if (content == null) return Touched.NOTHING;
        return cache.computeIfAbsent(migration.path() + "#" + Arrays.hashCode(content), k -> read(migration, content));
    }

    private static Touched read(PostMigration migration, byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        MigrationSource source = Classifier.parse(new Classifier.MigrationFile(migration.path(), content)).source();
        Set<String> tables = new LinkedHashSet<>();
        List<Finalized> finalizes = new java.util.ArrayList<>();
        for (Call call : source.calls()) {
            if (!call.runs()) continue;
            String table = bare(call.table().isEmpty() ? call.option("table_name") : call.table());
            if (!table.isEmpty()) tables.add(table);
            if (FINALIZERS.contains(call.method())) {
                String job = bare(call.option("job_class_name"));
                if (job.isEmpty() && !call.names().isEmpty()) job = bare(call.names().get(0));
                if (job.matches("[A-Z][A-Z0-9_]*")) job = constant(text, job);
                finalizes.add(new Finalized(job, table));
            }
        }
        source.sql().stream().filter(s -> s.runs() && !s.target().isEmpty()).forEach(s -> tables.add(bare(s.target())));
        return new Touched(tables, finalizes);
    }

    /** GitLab's finalize migrations name the job in a constant ({@code MIGRATION = 'BackfillFoo'}); its value, else the name. */
    private static String constant(String text, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*['\"]([A-Za-z0-9_:]+)['\"]")
                .matcher(text);
        return m.find() ? m.group(1) : name;
    }

    private static String bare(String word) {
        String w = word == null ? "" : word.strip();
        if (w.startsWith(":")) w = w.substring(1);
        if (w.length() >= 2 && (w.startsWith("'") || w.startsWith("\"")) && w.endsWith(w.substring(0, 1)))
            w = w.substring(1, w.length() - 1);
        return w;
    }
}
