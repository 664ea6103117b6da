package pdmbot.world.gitlab;

import java.util.List;
import pdmbot.world.AutoDeployPackage;

/** Where the GitLab world finds its packages: one implementation per package convention. */
interface PackageTags {

    /** Every package, oldest first. */
    List<AutoDeployPackage> packages();
}
