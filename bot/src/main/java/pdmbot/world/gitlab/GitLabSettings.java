package pdmbot.world.gitlab;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the GitLab world lives and how to reach it. The token is only held here; {@link #toString()} hides it.
 *
 * @param tokenSource where the token came from, named in error messages ({@code PDM_GITLAB_TOKEN})
 * @param releaseIssue the release issue notes go to ({@code gitlab-org/release/tasks#1234}); empty for none
 * @param tagPattern tags whose name this pattern finds are packages
 * @param pipelines where the post-deploy migration and QA pipelines run
 */
public record GitLabSettings(String url, String project, String securityProject, String productionProject,
                             String token, String tokenSource, Duration timeout, Optional<String> releaseIssue,
                             Pattern tagPattern, Pipelines pipelines) {

    /** The projects and refs of the post-deploy migration (deployer) pipeline and of the QA pipeline. */
    public record Pipelines(String pdmProject, String pdmRef, String qaProject, String qaRef) {
        public static final Pipelines DEFAULT =
                new Pipelines("gitlab-com/gl-infra/deployer", "master", "gitlab-org/quality/staging", "master");

        public Pipelines {
            requireProject(pdmProject, "pdm-pipeline-project");
            requireProject(qaProject, "qa-pipeline-project");
            if (pdmRef == null || pdmRef.isBlank() || qaRef == null || qaRef.isBlank())
                throw new IllegalArgumentException("pipeline refs are required");
        }
    }

    /** Settings with the default pipeline projects. */
    public GitLabSettings(String url, String project, String securityProject, String productionProject, String token,
                          String tokenSource, Duration timeout, Optional<String> releaseIssue, Pattern tagPattern) {
        this(url, project, securityProject, productionProject, token, tokenSource, timeout, releaseIssue, tagPattern,
                Pipelines.DEFAULT);
    }

    public GitLabSettings {
        if (url == null || !url.matches("https?://.+"))
            throw new IllegalArgumentException("world.gitlab.url must be an http(s) URL: " + url);
        url = url.replaceAll("/+$", "");
        requireProject(project, "project");
        requireProject(securityProject, "security-project");
        requireProject(productionProject, "production-project");
        if (token == null || token.isBlank()) throw new IllegalArgumentException("a GitLab token is required");
        Objects.requireNonNull(tokenSource, "tokenSource");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        releaseIssue = releaseIssue == null ? Optional.empty() : releaseIssue.filter(s -> !s.isBlank());
        releaseIssue.ifPresent(ReleaseIssue::parse);
        Objects.requireNonNull(tagPattern, "tagPattern");
        if (pipelines == null) pipelines = Pipelines.DEFAULT;
    }

    private static void requireProject(String path, String key) {
        if (path == null || !path.matches("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)+"))
            throw new IllegalArgumentException("world.gitlab." + key + " must be a project path like group/project: "
                    + path);
    }

    @Override
    public String toString() {
        return "GitLabSettings[url=" + url + ", project=" + project + ", securityProject=" + securityProject
                + ", productionProject=" + productionProject + ", token=(from " + tokenSource + "), timeout="
                + timeout + ", releaseIssue=" + releaseIssue.orElse("none") + ", tagPattern=" + tagPattern + ", pipelines="
                + pipelines + "]";
    }
}
