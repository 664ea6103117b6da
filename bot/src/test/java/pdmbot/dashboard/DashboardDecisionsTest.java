package pdmbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.decide.RollbackLine;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/** The rollback line as the dashboard words it. */
class DashboardDecisionsTest {

    static AutoDeployPackage pkg(String version) {
        return new AutoDeployPackage(PackageVersion.parse(version).orElseThrow(), "a".repeat(40), "16-7-auto-deploy");
    }

    static final AutoDeployPackage OLD = pkg("16.7.202311070140-3bb0b14be1e.9e8ab6ea026");
    static final AutoDeployPackage MIDDLE = pkg("16.7.202311080620-66b715d55af.d3f7b0a0e28");
    static final AutoDeployPackage CURRENT = pkg("16.7.202311090620-66b715d55af.d3f7b0a0e28");

    @Test
    void the_line_names_the_package_running_the_line_and_how_many_rollback_targets_a_run_cuts_off() {
        RollbackLine.Line line = new RollbackLine.Line(Environment.GPRD, Optional.of(CURRENT), Optional.of(OLD),
                List.of(OLD, MIDDLE, CURRENT), List.of());

        assertThat(DashboardDecisions.describe(line)).isEqualTo("gprd runs `" + CURRENT.version() + "`; the rollback line is `"
                + OLD.version() + "`: 2 earlier packages are rollback targets, which a PDM run now cuts off.");
    }

    @Test
    void with_only_the_current_package_a_run_cuts_off_nothing() {
        RollbackLine.Line line = new RollbackLine.Line(Environment.GSTG, Optional.of(CURRENT), Optional.of(CURRENT),
                List.of(CURRENT), List.of(OLD, MIDDLE));

        assertThat(DashboardDecisions.describe(line)).endsWith(": no earlier package is a rollback target.");
    }

    @Test
    void an_environment_running_nothing_says_so() {
        RollbackLine.Line line = new RollbackLine.Line(Environment.GPRD, Optional.empty(), Optional.empty(), List.of(), List.of());

        assertThat(DashboardDecisions.describe(line)).isEqualTo("gprd: no package is deployed there.");
    }
}
