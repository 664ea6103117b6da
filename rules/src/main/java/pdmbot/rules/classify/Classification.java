package pdmbot.rules.classify;

import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.source.Declaration;
import pdmbot.rules.source.ParseProblem;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The classification of one migration file: its dominant nature, every nature it shows (most constraining
 * first), the databases it runs on, the reasons (rule + line), the facts worth reporting and any parse problems.
 */
public record Classification(String path, Optional<String> version, String className, Nature dominant,
                             Set<Nature> natures, Set<LogicalDatabase> databases, List<Reason> reasons,
                             List<Declaration> facts, List<ParseProblem> problems, String sha256) {

    public Classification {
        if (path == null) throw new IllegalArgumentException("path is required");
        version = version == null ? Optional.empty() : version;
        className = className == null ? "" : className;
        if (dominant == null) throw new IllegalArgumentException("dominant nature is required");
        natures = Collections.unmodifiableSet(new LinkedHashSet<>(natures));
        databases = databases.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(databases));
        reasons = List.copyOf(reasons);
        facts = List.copyOf(facts);
        problems = List.copyOf(problems);
        if (sha256 == null || sha256.length() != 64) throw new IllegalArgumentException("sha256 must be 64 hex characters");
    }

    public boolean isDdlTransactionDisabled() {
        return facts.stream().anyMatch(f -> f.kind().equals(Declaration.DDL_TRANSACTION_DISABLED));
    }

    public Optional<String> milestone() {
        return facts.stream().filter(f -> f.kind().equals(Declaration.MILESTONE)).map(Declaration::value).findFirst();
    }

    public List<String> guards() {
        return facts.stream().filter(f -> f.kind().equals(Declaration.GUARD)).map(Declaration::value).distinct().toList();
    }
}
