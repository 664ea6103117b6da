package pdmbot.rules.decide;

import java.util.Objects;

/** {@code --only} would run {@code version} before {@code earlier}, pending on the same table and not chosen. */
public record SubsetRefusal(String environment, String version, String earlier, String table, String rule) {

    public SubsetRefusal {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rule, "rule");
    }
}
