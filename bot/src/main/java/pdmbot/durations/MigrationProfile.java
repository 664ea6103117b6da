package pdmbot.durations;

import java.util.Objects;

/** What makes two migrations similar for a prediction: their nature (wire name) and the size of their tables. */
public record MigrationProfile(String nature, TableSize tableSize) {

    public static final MigrationProfile UNKNOWN = new MigrationProfile("unknown", TableSize.ORDINARY);

    public MigrationProfile {
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(tableSize, "tableSize");
    }
}
