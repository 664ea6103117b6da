package pdmbot.world.gitlab;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;

/**
 * The package on each environment: the newest successful deployment of the environment on the project release
 * tooling records packages on (GitLab.com: the security omnibus project, whose deployments have the package's tag as
 * ref; else the code project), matched to a package by the version or tag its ref names, else by commit sha.
 */
public final class GitLabDeployments implements Deployments {

    private final PackageSource packages;
    private final DeploymentHistory history;
    private final String project;
    private final boolean omnibus;

    /** {@code omnibus}: the deployments are the omnibus project's, whose sha is the omnibus commit, not the code's. */
    GitLabDeployments(PackageSource packages, DeploymentHistory history, String project, boolean omnibus) {
        this.packages = packages;
        this.history = history;
        this.project = project;
        this.omnibus = omnibus;
    }

    @Override
    public Optional<AutoDeployPackage> packageOn(Environment environment) {
        List<DeploymentHistory.Deployment> newest = history.successful(project, environment.id(), 1);
        if (newest.isEmpty()) return Optional.empty();
        DeploymentHistory.Deployment deployment = newest.get(0);
        Optional<PackageVersion> named = PackageVersion.find(deployment.ref());
        if (named.isPresent()) {
            Optional<AutoDeployPackage> byName = packages.packageNamed(named.get().toString());
            if (byName.isPresent()) return byName;
        }
        List<AutoDeployPackage> known = packages.packages();
        // the ref names the package (release tooling records the omnibus tag there), else the commit matches one
        for (AutoDeployPackage p : known)
            if (p.refName().equals("refs/tags/" + deployment.ref()) || p.refName().equals(deployment.ref())
                    || named.filter(p.version()::equals).isPresent()) return Optional.of(p);
        for (AutoDeployPackage p : known) if (p.commitSha().equals(deployment.sha())) return Optional.of(p);
        if (named.isPresent() && omnibus) return Optional.of(railsPackage(environment, named.get(), deployment));
        if (named.isPresent())
            return Optional.of(new AutoDeployPackage(named.get(), deployment.sha(), deployment.ref()));
        throw new UnableToReadDeploymentsException("the newest successful deployment on " + environment + " of "
                + project + " (ref " + deployment.ref() + ", sha " + deployment.sha() + ") is no known package: no tag"
                + " points at that commit and the ref names no auto-deploy version", null);
    }

    /**
     * A package no listing holds (older than the first read, say), on the omnibus project: the deployment's sha is the
     * omnibus commit, so the code's is the rails commit the version names, resolved in the code project
     * ({@code GET commits/:short}, as release-tools' DeploymentVersionParser does); no guess when it cannot be.
     */
    private AutoDeployPackage railsPackage(Environment environment, PackageVersion version,
                                           DeploymentHistory.Deployment deployment) {
        String appSha = version.appSha();
        Optional<String> rails = packages.findCommit(appSha).found().map(pdmbot.world.CommitInfo::sha)
                .filter(sha -> sha.startsWith(appSha));
        if (rails.isEmpty())
            throw new UnableToReadDeploymentsException("the newest successful deployment on " + environment + " of "
                    + project + " is package " + version + ", whose rails commit " + appSha + " the code project does"
                    + " not know (or several commits share): the code that runs there cannot be read", null);
        return new AutoDeployPackage(version, rails.get(), "refs/tags/" + deployment.ref());
    }
}
