package pdmbot.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers how two commits are related (the descendant-of-production guard, issue 16): their merge base, and the
 * commits one has that the other lacks. On a local repository JGit answers; on GitLab, {@code merge_base} and
 * {@code compare}.
 */
public interface Ancestry {

    /** The merge base of two full shas; empty when they share no history. */
    Optional<String> mergeBase(String a, String b);

    /** The commits reachable from {@code to} but not from {@code from}, newest first: at most {@code limit} of them. */
    Missing missing(String from, String to, int limit);

    /** Whether {@code candidate} descends from {@code production} (or is it): their merge base is production's commit. */
    default boolean descends(String candidate, String production) {
        return candidate.equals(production) || mergeBase(candidate, production).filter(production::equals).isPresent();
    }

    /** A commit and its title. */
    record TitledCommit(String sha, String title) {
        public TitledCommit {
            Objects.requireNonNull(sha, "sha");
            if (title == null) title = "";
        }
    }

    /** Some of the commits missing ({@code commits}, newest first) and how many are missing in all. */
    record Missing(List<TitledCommit> commits, int total) {
        public Missing {
            commits = List.copyOf(commits);
            if (total < commits.size()) throw new IllegalArgumentException("total " + total + " < " + commits.size());
        }
    }
}
