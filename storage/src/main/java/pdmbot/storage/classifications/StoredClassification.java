package pdmbot.storage.classifications;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import pdmbot.domain.LogicalDatabase;

/**
 * A classifier result as stored, keyed by migration version and the hash of the content classified. Natures are
 * the rules module's names ({@code ddl_cleanup}…); reasons and facts are JSON text the rules module writes.
 */
public record StoredClassification(String migrationVersion, String contentHash, String dominant, List<String> natures,
                                   Set<LogicalDatabase> databases, String reasonsJson, String factsJson,
                                   Instant classifiedAt) {
    public StoredClassification {
        if (migrationVersion == null || !migrationVersion.matches("\\d{14}"))
            throw new IllegalArgumentException("a migration version has 14 digits: " + migrationVersion);
        if (contentHash == null || contentHash.isBlank()) throw new IllegalArgumentException("a content hash is required");
        if (dominant == null || dominant.isBlank()) throw new IllegalArgumentException("a dominant nature is required");
        natures = List.copyOf(natures);
        for (String n : natures)
            if (n.isBlank() || n.contains(",")) throw new IllegalArgumentException("a nature is one word: '" + n + "'");
        if (databases.isEmpty()) throw new IllegalArgumentException("a classification applies to at least one database");
        databases = Set.copyOf(EnumSet.copyOf(databases));
        Objects.requireNonNull(reasonsJson, "reasonsJson");
        Objects.requireNonNull(classifiedAt, "classifiedAt");
    }
}
