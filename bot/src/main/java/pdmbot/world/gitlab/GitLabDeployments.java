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
        if (named.isPresent())
            return Optional.of(new AutoDeployPackage(named.get(), deployment.sha(), deployment.ref()));
        throw new UnableToReadDeploymentsException("the newest successful deployment on " + environment + " of "
                + project + " (ref " + deployment.ref() + ", sha " + deployment.sha() + ") is no known package: no tag"
                + " points at that commit and the ref names no auto-deploy version", null);
    }
}
