package pdmbot.world.gitlab;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the GitLab world lives and how to reach it. Tokens are only held here; {@link #toString()} hides them.
 *
 * @param tokenSource where the token came from, named in error messages ({@code PDM_GITLAB_TOKEN})
 * @param releaseIssue the release issue notes go to ({@code gitlab-org/release/tasks#1234}); empty for none
 * @param tagPattern with {@link PackageConvention#CODE_TAGS}: tags of the code project whose name it finds are packages
 * @param pipelines where the post-deploy migration and QA pipelines run
 * @param packages where packages come from
 * @param tracker the production tracker's labels
 * @param ops the instance the pipelines run on (GitLab.com's deployer runs on its ops instance)
 * @param admin an administrator's token for the admin API (batched background migrations); none by default
 * @param maxRetryAfter the longest {@code Retry-After} a call waits for before giving up (default 60 s)
 */
public record GitLabSettings(String url, String project, String securityProject, String productionProject,
                             String token, String tokenSource, Duration timeout, Optional<String> releaseIssue,
                             Pattern tagPattern, Pipelines pipelines, Packages packages, Tracker tracker, Ops ops,
                             Admin admin, Duration maxRetryAfter) {

    /**
     * An administrator's token for {@code /admin/*} reads ({@code authenticated_as_admin!}); without one the main token
     * is tried and a 403 makes what the admin API would say unknown.
     */
    public record Admin(Optional<String> token, String tokenSource) {
        public static final Admin NONE = new Admin(Optional.empty(), "");

        public Admin {
            token = token == null ? Optional.empty() : token.filter(s -> !s.isBlank());
            if (tokenSource == null) tokenSource = "";
        }

        @Override
        public String toString() {
            return "Admin[token=" + (token.isPresent() ? "(from " + tokenSource + ")" : "(none)") + "]";
        }
    }

    /** Settings without an admin token. */
    public GitLabSettings(String url, String project, String securityProject, String productionProject,
                          String token, String tokenSource, Duration timeout, Optional<String> releaseIssue,
                          Pattern tagPattern, Pipelines pipelines, Packages packages, Tracker tracker, Ops ops) {
        this(url, project, securityProject, productionProject, token, tokenSource, timeout, releaseIssue, tagPattern,
                pipelines, packages, tracker, ops, Admin.NONE, RetryPolicy.DEFAULT_MAX_RETRY_AFTER);
    }

    /**
     * The projects and refs of the post-deploy migration (deployer) pipeline and of the QA pipeline. {@code onlyVariable}
     * is the CI variable that limits a post-deploy migration pipeline to some versions (comma-separated) for a run of a
     * subset: this project's convention, not GitLab's — release-tools' PDM pipeline runs every pending migration of the
     * package (it has no such input), so a deployer that honours it is an assumption of this project.
     */
    public record Pipelines(String pdmProject, String pdmRef, String qaProject, String qaRef, String onlyVariable) {
        public static final String ONLY_VARIABLE = "PDM_MIGRATION_VERSIONS";
        public static final Pipelines DEFAULT =
                new Pipelines("gitlab-com/gl-infra/deployer", "master", "gitlab-org/quality/staging", "master");

        public Pipelines(String pdmProject, String pdmRef, String qaProject, String qaRef) {
            this(pdmProject, pdmRef, qaProject, qaRef, ONLY_VARIABLE);
        }

        public Pipelines {
            if (onlyVariable == null || onlyVariable.isBlank()) onlyVariable = ONLY_VARIABLE;
            requireProject(pdmProject, "pdm-pipeline-project");
            requireProject(qaProject, "qa-pipeline-project");
            if (pdmRef == null || pdmRef.isBlank() || qaRef == null || qaRef.isBlank())
                throw new IllegalArgumentException("pipeline refs are required");
        }
    }

    /** How packages are published. */
    public enum PackageConvention {
        /**
         * GitLab.com's release tooling: tags {@code M.m.YYYYMMDDHHMM+<rails 11>.<omnibus 11>} in the (security)
         * omnibus project; the code is read in the security project at the rails sha.
         */
        OMNIBUS_TAGS("omnibus-tags"),
        /** Tags on the code project itself whose name the tag pattern finds. */
        CODE_TAGS("code-tags");

        private final String id;

        PackageConvention(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static PackageConvention byId(String id) {
            for (PackageConvention c : values()) if (c.id.equals(id)) return c;
            throw new IllegalArgumentException("world.gitlab.package-convention must be omnibus-tags or code-tags, not '"
                    + id + "'");
        }
    }

    /**
     * Where packages come from: with {@link PackageConvention#OMNIBUS_TAGS}, {@code project} holds the package tags
     * (and their deployments), and {@code defaultBranch} is the canonical project's branch deployments are recorded on.
     */
    public record Packages(PackageConvention convention, String project, String defaultBranch) {
        public static final Packages CODE_TAGS = new Packages(PackageConvention.CODE_TAGS, null, "master");
        public static final Packages GITLAB_COM =
                new Packages(PackageConvention.OMNIBUS_TAGS, "gitlab-org/security/omnibus-gitlab", "master");

        public Packages {
            Objects.requireNonNull(convention, "convention");
            if (convention == PackageConvention.OMNIBUS_TAGS) requireProject(project, "package-project");
            if (defaultBranch == null || defaultBranch.isBlank()) defaultBranch = "master";
        }
    }

    /** The labels the production checks read (release-tools' active_incidents.rb and change_requests.rb). */
    public record Tracker(String incidentLabel, String changeLabel, String blocksDeploymentsLabel) {
        public static final Tracker DEFAULT = new Tracker("Incident::Active", "change::in-progress", "blocks deployments");

        public Tracker {
            if (incidentLabel == null || incidentLabel.isBlank()) incidentLabel = DEFAULT_INCIDENT;
            if (changeLabel == null || changeLabel.isBlank()) changeLabel = DEFAULT_CHANGE;
            if (blocksDeploymentsLabel == null || blocksDeploymentsLabel.isBlank()) blocksDeploymentsLabel = DEFAULT_BLOCKS;
            for (String l : new String[] {incidentLabel, changeLabel})
                if (l.contains(",")) throw new IllegalArgumentException("a tracker label has no comma: " + l);
        }

        private static final String DEFAULT_INCIDENT = "Incident::Active";
        private static final String DEFAULT_CHANGE = "change::in-progress";
        private static final String DEFAULT_BLOCKS = "blocks deployments";
    }

    /** The instance pipelines run on; empty url and token mean the same as the main instance. */
    public record Ops(Optional<String> url, Optional<String> token, String tokenSource) {
        public static final Ops SAME = new Ops(Optional.empty(), Optional.empty(), "");

        public Ops {
            url = url == null ? Optional.empty() : url.filter(s -> !s.isBlank()).map(u -> u.replaceAll("/+$", ""));
            url.ifPresent(u -> {
                if (!u.matches("https?://.+"))
                    throw new IllegalArgumentException("world.gitlab.ops-url must be an http(s) URL: " + u);
            });
            token = token == null ? Optional.empty() : token.filter(s -> !s.isBlank());
            if (tokenSource == null) tokenSource = "";
        }

        @Override
        public String toString() {
            return "Ops[url=" + url.orElse("(same)") + ", token=" + (token.isPresent() ? "(from " + tokenSource + ")"
                    : "(same)") + "]";
        }
    }

    /** Settings with the default pipeline projects, packages as tags of the code project. */
    public GitLabSettings(String url, String project, String securityProject, String productionProject, String token,
                          String tokenSource, Duration timeout, Optional<String> releaseIssue, Pattern tagPattern) {
        this(url, project, securityProject, productionProject, token, tokenSource, timeout, releaseIssue, tagPattern,
                Pipelines.DEFAULT);
    }

    /** Settings with packages as tags of the code project, the default tracker labels, pipelines on the same instance. */
    public GitLabSettings(String url, String project, String securityProject, String productionProject, String token,
                          String tokenSource, Duration timeout, Optional<String> releaseIssue, Pattern tagPattern,
                          Pipelines pipelines) {
        this(url, project, securityProject, productionProject, token, tokenSource, timeout, releaseIssue, tagPattern,
                pipelines, Packages.CODE_TAGS, Tracker.DEFAULT, Ops.SAME);
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
        if (packages == null) packages = Packages.CODE_TAGS;
        if (tracker == null) tracker = Tracker.DEFAULT;
        if (ops == null) ops = Ops.SAME;
        if (admin == null) admin = Admin.NONE;
        if (maxRetryAfter == null) maxRetryAfter = RetryPolicy.DEFAULT_MAX_RETRY_AFTER;
        if (maxRetryAfter.isNegative())
            throw new IllegalArgumentException("world.gitlab.retry-after-max-seconds must not be negative");
    }

    /** The same settings with another package convention. */
    public GitLabSettings withPackages(Packages value) {
        return new GitLabSettings(url, project, securityProject, productionProject, token, tokenSource, timeout,
                releaseIssue, tagPattern, pipelines, value, tracker, ops, admin, maxRetryAfter);
    }

    /** The same settings with other tracker labels. */
    public GitLabSettings withTracker(Tracker value) {
        return new GitLabSettings(url, project, securityProject, productionProject, token, tokenSource, timeout,
                releaseIssue, tagPattern, pipelines, packages, value, ops, admin, maxRetryAfter);
    }

    /** The same settings with pipelines on another instance. */
    public GitLabSettings withOps(Ops value) {
        return new GitLabSettings(url, project, securityProject, productionProject, token, tokenSource, timeout,
                releaseIssue, tagPattern, pipelines, packages, tracker, value, admin, maxRetryAfter);
    }

    /** The same settings with an administrator's token for the admin API. */
    public GitLabSettings withAdmin(Admin value) {
        return new GitLabSettings(url, project, securityProject, productionProject, token, tokenSource, timeout,
                releaseIssue, tagPattern, pipelines, packages, tracker, ops, value, maxRetryAfter);
    }

    /** The same settings waiting at most {@code value} for a {@code Retry-After}. */
    public GitLabSettings withMaxRetryAfter(Duration value) {
        return new GitLabSettings(url, project, securityProject, productionProject, token, tokenSource, timeout,
                releaseIssue, tagPattern, pipelines, packages, tracker, ops, admin, value);
    }

    /** The project whose code the packages are built from: the security project for GitLab.com's convention. */
    public String codeProject() {
        return packages.convention() == PackageConvention.OMNIBUS_TAGS ? securityProject : project;
    }

    public String opsUrl() {
        return ops.url().orElse(url);
    }

    public String opsToken() {
        return ops.token().orElse(token);
    }

    public String opsTokenSource() {
        return ops.token().isPresent() ? ops.tokenSource() : tokenSource;
    }

    /** Whether pipelines are reached through another client than the main one (another URL or token). */
    public boolean hasSeparateOps() {
        return !opsUrl().equals(url) || !opsToken().equals(token);
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
                + pipelines + ", packages=" + packages + ", tracker=" + tracker + ", opsUrl=" + opsUrl()
                + ", opsToken=(from " + opsTokenSource() + "), " + admin + "]";
    }
}
