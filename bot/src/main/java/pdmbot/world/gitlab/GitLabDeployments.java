package pdmbot.world.gitlab;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;

/**
 * The package on each environment: the newest successful deployment of the environment on the canonical project,
 * matched to a package by commit sha, by tag, or by the version its ref names.
 */
public final class GitLabDeployments implements Deployments {

    private final PackageSource packages;
    private final DeploymentHistory history;
    private final String project;

    GitLabDeployments(PackageSource packages, DeploymentHistory history, String project) {
        this.packages = packages;
        this.history = history;
        this.project = project;
    }

    @Override
    public Optional<AutoDeployPackage> packageOn(Environment environment) {
        List<DeploymentHistory.Deployment> newest = history.successful(project, environment.id(), 1);
        if (newest.isEmpty()) return Optional.empty();
        DeploymentHistory.Deployment deployment = newest.get(0);
        List<AutoDeployPackage> known = packages.packages();
        Optional<PackageVersion> named = PackageVersion.find(deployment.ref());
        for (AutoDeployPackage p : known) if (p.commitSha().equals(deployment.sha())) return Optional.of(p);
        for (AutoDeployPackage p : known)
            if (p.refName().equals("refs/tags/" + deployment.ref()) || p.refName().equals(deployment.ref())
                    || named.filter(p.version()::equals).isPresent()) return Optional.of(p);
        if (named.isPresent())
            return Optional.of(new AutoDeployPackage(named.get(), deployment.sha(), deployment.ref()));
        throw new UnableToReadDeploymentsException("the newest successful deployment on " + environment + " of "
                + project + " (ref " + deployment.ref() + ", sha " + deployment.sha() + ") is no known package: no tag"
                + " points at that commit and the ref names no auto-deploy version", null);
    }
}
