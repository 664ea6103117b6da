package pdmbot.promote;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.PackageSource;

/** Resolves what a release manager typed after {@code deploy}: a package version (either form) or a sha. */
final class Candidates {

    /** What the words named: a candidate, or why nothing. */
    sealed interface Resolved permits Found, NotFound {
    }

    record Found(Candidate candidate) implements Resolved {
    }

    record NotFound(String message) implements Resolved {
    }

    private final PackageSource packages;

    Candidates(PackageSource packages) {
        this.packages = packages;
    }

    Resolved resolve(String typed) {
        String t = typed.trim();
        if (PackageVersion.parse(t).isPresent()) {
            Optional<AutoDeployPackage> pkg = packages.packageNamed(t);
            if (pkg.isPresent()) return new Found(Candidate.of(pkg.get()));
            return new NotFound("No package `" + t + "` is known. `deploy status` shows what each environment runs;"
                    + " a commit sha works too.");
        }
        if (!t.matches("[0-9a-fA-F]{4,40}"))
            return new NotFound("`" + t + "` is neither a package version (like 16.7.202311100920-a9dea194d31.1e34ad23900)"
                    + " nor a commit sha (4 to 40 hex characters).");
        Lookup<CommitInfo> commit = packages.findCommit(t.toLowerCase());
        if (commit instanceof Lookup.Found<CommitInfo> found) return new Found(of(found.value()));
        if (commit instanceof Lookup.Ambiguous<CommitInfo> ambiguous)
            return new NotFound("`" + t + "` names " + ambiguous.candidates().size() + " commits ("
                    + String.join(", ", ambiguous.candidates().stream().limit(3).map(c -> c.sha().substring(0, 12)).toList())
                    + "…): give more characters.");
        if (commit instanceof Lookup.NotFound<CommitInfo> notFound)
            return new NotFound("No commit `" + t + "` is known: " + notFound.reason() + ".");
        throw new IllegalStateException("a lookup that is none of its permitted cases: " + commit);
    }

    /** The package built from the commit when there is one (the newest), else the bare commit. */
    private Candidate of(CommitInfo commit) {
        List<AutoDeployPackage> built = packages.packages().stream().filter(p -> p.commitSha().equals(commit.sha())).toList();
        if (!built.isEmpty()) return Candidate.of(built.get(built.size() - 1));
        return new Candidate(commit.sha(), commit.sha(), Optional.empty(), commit.authoredAt());
    }
}
