package pdmbot.rules.classify;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.QueryResultsRow;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.rules.source.Call;
import pdmbot.rules.source.Declaration;
import pdmbot.rules.source.MigrationParser;
import pdmbot.rules.source.MigrationSource;
import pdmbot.rules.source.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies migration files with the rules of a {@link RuleBook}: parse, insert facts, fire, collect. */
public final class Classifier {

    private static final Pattern VERSION = Pattern.compile("(?:.*/)?(\\d{14})_[^/]*\\.rb");
    private static final Set<String> REPORTED = Set.of(Declaration.DDL_TRANSACTION_DISABLED, Declaration.MILESTONE,
            Declaration.GUARD, Declaration.LOCK_RETRIES, Declaration.WITH_LOCK_RETRIES,
            Declaration.STATEMENT_TIMEOUT_DISABLED, Declaration.RESTRICT);

    private final java.util.function.Supplier<CompiledRules> rules;
    private final TableSizes tableSizes;

    /** One file to classify: its path (for the report and the version) and its bytes. */
    public record MigrationFile(String path, byte[] content) {
        public MigrationFile {
            if (path == null) throw new IllegalArgumentException("path is required");
            if (content == null) content = new byte[0];
        }
    }

    /** Classifies with the rules the book has in use when each batch starts. */
    public Classifier(RuleBook rules, TableSizes tableSizes) {
        this.rules = rules::current;
        this.tableSizes = tableSizes;
    }

    /** Classifies with exactly these rules, whatever a reload does later. */
    public Classifier(CompiledRules rules, TableSizes tableSizes) {
        this.rules = () -> rules;
        this.tableSizes = tableSizes;
    }

    public Classification classify(String path, byte[] content) {
        return classifyAll(List.of(new MigrationFile(path, content))).get(0);
    }

    /** A file with its parsed source: parsing needs no rules, so it can run while the rules compile. */
    public record ParsedFile(MigrationFile file, MigrationSource source) {
    }

    /** Parses a file; pure and thread-safe. */
    public static ParsedFile parse(MigrationFile file) {
        return new ParsedFile(file, MigrationParser.parse(file.content()));
    }

    /** Classifies many files with one session of the current rules, reused file after file. */
    public List<Classification> classifyAll(List<MigrationFile> files) {
        return classifyParsed(files.stream().map(Classifier::parse).toList());
    }

    /** Classifies files parsed beforehand, with one session of the current rules. */
    public List<Classification> classifyParsed(List<ParsedFile> files) {
        List<Classification> out = new ArrayList<>(files.size());
        KieBase kieBase = rules.get().kieBase(); // one batch, one set of rules, even if a reload happens meanwhile
        KieSession session = kieBase.newKieSession();
        try {
            for (ParsedFile f : files) {
                try {
                    out.add(classifyIn(session, f.file(), f.source()));
                } catch (RuntimeException e) {
                    // A rule's consequence failed (an extra .drl, most likely): this file is unknown, the next gets a clean session.
                    session.dispose();
                    session = kieBase.newKieSession();
                    out.add(failed(f.file(), e));
                }
            }
        } finally {
            session.dispose();
        }
        return out;
    }

    private Classification classifyIn(KieSession session, MigrationFile file, MigrationSource source) {
        List<FactHandle> handles = new ArrayList<>();
        handles.add(session.insert(new Subject(file.path(), source.classLine())));
        for (Object fact : source.facts()) handles.add(session.insert(fact));
        for (String table : tablesOf(source)) {
            if (tableSizes.isLarge(table)) handles.add(session.insert(new LargeTable(table, tableSizes.sizeOf(table).orElse("large"))));
        }
        session.fireAllRules();
        // Outputs leave through the rule file's query, one pass for the three kinds of conclusion.
        List<Reason> reasons = new ArrayList<>();
        Nature dominant = null;
        Set<LogicalDatabase> databases = EnumSet.noneOf(LogicalDatabase.class);
        for (QueryResultsRow row : session.getQueryResults("conclusions")) {
            Conclusion conclusion = (Conclusion) row.get("$conclusion");
            if (conclusion instanceof Reason r) reasons.add(r);
            else if (conclusion instanceof Dominant d) dominant = dominant == null || d.nature().precedence() > dominant.precedence() ? d.nature() : dominant;
            else if (conclusion instanceof DatabaseConclusion db) databases.add(db.database());
        }
        if (dominant == null || !source.problems().isEmpty()) dominant = Nature.UNKNOWN;
        for (FactHandle h : handles) session.delete(h);
        session.fireAllRules();

        // The detail breaks the last ties, so the order never depends on the order the engine hands results back in.
        reasons.sort(Comparator.comparing((Reason r) -> -r.nature().precedence()).thenComparingInt(Reason::line).thenComparing(Reason::rule)
                .thenComparing(r -> r.detail() == null ? "" : r.detail()));
        Set<Nature> natures = new TreeSet<>(Comparator.comparingInt(Nature::precedence).reversed());
        for (Reason r : reasons) natures.add(r.nature());
        if (natures.isEmpty()) natures.add(Nature.UNKNOWN);
        List<Declaration> facts = source.declarations().stream().filter(d -> REPORTED.contains(d.kind())).toList();
        return new Classification(file.path(), versionOf(file.path()), source.className(), dominant,
                new LinkedHashSet<>(natures), databases, reasons, facts, source.problems(), sha256(file.content()));
    }

    private static Classification failed(MigrationFile file, RuntimeException e) {
        String why = "rules failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse(""));
        return new Classification(file.path(), versionOf(file.path()), "", Nature.UNKNOWN, Set.of(Nature.UNKNOWN),
                EnumSet.allOf(LogicalDatabase.class), List.of(), List.of(), List.of(new pdmbot.rules.source.ParseProblem(0, why)),
                sha256(file.content()));
    }

    private static Set<String> tablesOf(MigrationSource source) {
        Set<String> tables = new HashSet<>();
        for (Call c : source.calls()) {
            if (!c.runs()) continue;
            tables.add(c.table());
            if (!c.names().isEmpty()) tables.add(c.names().get(0));
        }
        for (SqlStatement s : source.sql()) if (s.runs()) tables.add(s.target());
        tables.remove("");
        return tables;
    }

    /** The 14-digit version from a file name, when the name has one. */
    public static Optional<String> versionOf(String path) {
        if (path == null) return Optional.empty();
        Matcher m = VERSION.matcher(path.replace('\\', '/'));
        return m.matches() ? Optional.of(m.group(1)) : PostMigration.fromPath(path).map(PostMigration::version);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
