package pdmbot.storage.environments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.storage.testing.StoreContract;

/** What every EnvironmentStore does, on H2 and on PostgreSQL. */
abstract class EnvironmentStoreContract extends StoreContract {

    static final PackageVersion OLDER = PackageVersion.parse("16.6.202311010800-aaaaaaaaaa1.bbbbbbbbbb1").orElseThrow();
    static final PackageVersion NEWER = PackageVersion.parse("16.6.202311011600-aaaaaaaaaa2.bbbbbbbbbb2").orElseThrow();

    private EnvironmentStore environments() {
        return stores().environments();
    }

    @Test
    void an_environment_with_no_recorded_deployment_has_no_package() {
        assertThat(environments().deployedPackage(Environment.GPRD)).isEmpty();
        assertThat(environments().deployments()).isEmpty();
    }

    @Test
    void a_recorded_deployment_is_the_package_the_environment_runs() {
        environments().recordDeployment(Environment.GSTG, OLDER);

        assertThat(environments().deployedPackage(Environment.GSTG)).contains(OLDER);
        assertThat(environments().deployedPackage(Environment.GPRD)).isEmpty();
    }

    @Test
    void a_later_deployment_replaces_the_earlier_one() {
        environments().recordDeployment(Environment.GPRD, OLDER);
        clock.advance(Duration.ofHours(1));

        environments().recordDeployment(Environment.GPRD, NEWER);

        assertThat(environments().deployedPackage(Environment.GPRD)).contains(NEWER);
        assertThat(environments().deployments())
                .containsExactly(new Deployment(Environment.GPRD, NEWER, START.plus(Duration.ofHours(1))));
    }

    @Test
    void deployments_are_listed_in_environment_order() {
        environments().recordDeployment(Environment.GPRD, OLDER);
        environments().recordDeployment(Environment.GSTG_CNY, NEWER);
        environments().recordDeployment(Environment.GSTG, NEWER);

        assertThat(environments().deployments()).extracting(Deployment::environment)
                .containsExactly(Environment.GSTG_CNY, Environment.GSTG, Environment.GPRD);
    }
}
