package pdmbot.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of resolving something a user typed (a short sha, a name): found, not found, or ambiguous. */
public sealed interface Lookup<T> permits Lookup.Found, Lookup.NotFound, Lookup.Ambiguous {

    /** The query as the user typed it. */
    String query();

    /** The single match, when there is exactly one. */
    default Optional<T> found() {
        return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
    }

    record Found<T>(String query, T value) implements Lookup<T> {
        public Found {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Nothing matches; the reason says why (unknown, malformed…). */
    record NotFound<T>(String query, String reason) implements Lookup<T> {
        public NotFound {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Several things match; the candidates let the user pick a longer query. */
    record Ambiguous<T>(String query, List<T> candidates) implements Lookup<T> {
        public Ambiguous {
            Objects.requireNonNull(query, "query");
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) throw new IllegalArgumentException("ambiguous needs at least two candidates");
        }
    }
}
