package pdmbot.run;

import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MergeRequestRef;

/**
 * Web links to a migration's file and merge request on the GitLab instance the world reads, or none when the world
 * has no web pages (the demo, a local checkout): GitLab's routes {@code /<project>/-/blob/<sha>/<path>} and
 * {@code /<project>/-/merge_requests/<iid>} (config/routes/repository.rb and config/routes/merge_requests.rb in
 * gitlab-org/gitlab).
 */
public record MigrationLinks(Optional<String> webUrl, String codeProject) {

    /** For worlds without web pages: the diff names the file and the merge request without links. */
    public static final MigrationLinks NONE = new MigrationLinks(Optional.empty(), "-");

    public MigrationLinks {
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(codeProject, "codeProject");
        webUrl = webUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
    }

    /** The file as the package has it: at the package's own commit, so the link shows what runs. */
    public Optional<String> file(AutoDeployPackage pkg, PostMigration migration) {
        return webUrl.map(u -> u + "/" + codeProject + "/-/blob/" + pkg.commitSha() + "/" + migration.path());
    }

    public Optional<String> mergeRequest(MergeRequestRef ref) {
        return webUrl.map(u -> u + "/" + ref.projectPath() + "/-/merge_requests/" + ref.iid());
    }
}
