package pdmbot.decide;

import java.util.List;
import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.world.PendingMigration;

/** The pending migrations of one environment that share a nature (wire name), in version order. */
public record PendingGroup(Environment environment, String nature, List<PendingMigration> migrations) {

    public PendingGroup {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(nature, "nature");
        migrations = List.copyOf(migrations);
    }
}
