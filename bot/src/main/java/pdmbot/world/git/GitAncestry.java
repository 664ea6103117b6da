package pdmbot.world.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import pdmbot.world.Ancestry;

/** Ancestry in a local git repository, with JGit's merge-base walk (what {@code git merge-base} computes). */
public final class GitAncestry implements Ancestry {

    /** Past this many, missing commits are counted no further (a candidate years behind production). */
    static final int COUNTED = 10_000;

    private final Repository repository;
    private final Path location;

    GitAncestry(Repository repository, Path location) {
        this.repository = repository;
        this.location = location;
    }

    @Override
    public Optional<String> mergeBase(String a, String b) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
            RevCommit base = walk.next();
            return base == null ? Optional.empty() : Optional.of(base.name());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnableToReadRepositoryException("cannot find the merge base of " + a + " and " + b + " in "
                    + location, e);
        }
    }

    @Override
    public Missing missing(String from, String to, int limit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(to)));
            walk.markUninteresting(walk.parseCommit(ObjectId.fromString(from)));
            List<TitledCommit> commits = new ArrayList<>();
            int total = 0;
            for (RevCommit c : walk) {
                if (commits.size() < limit) commits.add(new TitledCommit(c.name(), c.getShortMessage()));
                if (++total >= COUNTED) break;
            }
            return new Missing(commits, total);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnableToReadRepositoryException("cannot list the commits of " + to + " that " + from + " lacks in "
                    + location, e);
        }
    }
}
