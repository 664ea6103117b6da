package pdmbot.world.gitlab;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/** Where the GitLab world finds its packages: one implementation per package convention. */
interface PackageTags {

    /** Every package, oldest first. */
    List<AutoDeployPackage> packages();

    /** The package of this version when it is known without asking GitLab; empty means "list the packages". */
    default Optional<AutoDeployPackage> known(PackageVersion version) {
        return Optional.empty();
    }
}
