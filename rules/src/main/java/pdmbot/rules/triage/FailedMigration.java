package pdmbot.rules.triage;

import java.util.Objects;

/**
 * The fact {@code triage.drl} reasons about: a post-deploy migration that failed, its dominant nature (a
 * classification id such as {@code large_index_or_fk}) and the class of its error.
 */
public record FailedMigration(String version, String nature, ErrorClass error) {

    public FailedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(error, "error");
    }
}
