package pdmbot.storage.classifications;

import java.util.Optional;

/** A cache of classifier results: a migration's content is classified once until the rules say otherwise. */
public interface ClassificationStore {

    Optional<StoredClassification> find(String migrationVersion, String contentHash);

    /** Saves the classification, replacing one stored for the same version and content hash. */
    void save(StoredClassification classification);

    /** The most recently classified content of the migration. */
    Optional<StoredClassification> latestFor(String migrationVersion);
}
