package pdmbot.world;

import java.util.List;
import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/** Answers which batched background migrations an environment's database has, and in which state. */
@FunctionalInterface
public interface BackgroundMigrations {

    List<BatchedBackgroundMigration> on(Environment environment, LogicalDatabase database);

    /**
     * What can be known of an environment's database: the migrations listed (every one, or only the newest some), or
     * why nothing can be known. A world that lists them all needs only {@link #on}.
     */
    default Listing listingOn(Environment environment, LogicalDatabase database) {
        return new Listing.Listed(on(environment, database), "");
    }

    /** The answer of {@link #listingOn}. */
    sealed interface Listing permits Listing.Listed, Listing.Unknown {

        /**
         * The migrations listed; {@code onlyNewest} is empty when they are all of them, else says why a migration
         * missing from the list may still exist ("GitLab lists the newest 20 only").
         */
        record Listed(List<BatchedBackgroundMigration> migrations, String onlyNewest) implements Listing {
            public Listed {
                migrations = List.copyOf(migrations);
                onlyNewest = onlyNewest == null ? "" : onlyNewest;
            }

            public boolean isComplete() {
                return onlyNewest.isEmpty();
            }
        }

        /** Nothing can be known, for this reason (a refusal, an instance the bot cannot ask). */
        record Unknown(String reason) implements Listing {
            public Unknown {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** A world that cannot tell: none are listed. */
    BackgroundMigrations NONE = (environment, database) -> List.of();
}
