package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.world.Ancestry;

/**
 * Ancestry on GitLab, in the project packages are built from: {@code GET repository/merge_base?refs[]=a&refs[]=b}
 * (lib/api/repositories.rb: a Commit; 404 "Merge Base Not Found" when there is none; 400 "Could not find ref" for an
 * unknown one) and {@code GET repository/compare?from=&to=&straight=true}, whose {@code commits} are {@code from..to},
 * oldest first (lib/api/repositories.rb, lib/api/entities/compare.rb).
 */
final class GitLabAncestry implements Ancestry {

    private final GitLabRepository repository;

    GitLabAncestry(GitLabRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> mergeBase(String a, String b) {
        return repository.mergeBase(a, b);
    }

    @Override
    public Missing missing(String from, String to, int limit) {
        JsonNode compare = repository.straightCompare(from, to);
        List<TitledCommit> oldestFirst = new ArrayList<>();
        for (JsonNode c : compare.path("commits")) oldestFirst.add(new TitledCommit(c.path("id").asText(), c.path("title").asText("")));
        List<TitledCommit> newest = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && newest.size() < limit; i--) newest.add(oldestFirst.get(i));
        return new Missing(newest, oldestFirst.size());
    }
}
