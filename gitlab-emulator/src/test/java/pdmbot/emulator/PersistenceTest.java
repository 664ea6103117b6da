package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state folder survives a restart: issues, deployments, pipelines, planned failures and the clock's offset. */
class PersistenceTest {

    @TempDir
    java.nio.file.Path folder;

    @Test
    void a_restarted_emulator_keeps_what_was_recorded() throws Exception {
        long pipeline;
        String deployment;
        try (EmulatorFixture gitlab = new EmulatorFixture(folder)) {
            gitlab.form("POST", project(PRODUCTION) + "/issues", ROOT, "title=Kept&labels=Incident::Active");
            deployment = gitlab.form("POST", project(SECURITY) + "/deployments", ROOT, "environment=db/gstg&sha="
                    + gitlab.pick.name() + "&ref=" + BRANCH + "&tag=false&status=running").json().path("id").asText();
            pipeline = gitlab.json("POST", project(DEPLOYER) + "/pipeline", ROOT,
                    "{\"ref\":\"master\",\"variables\":[{\"key\":\"DEPLOY_ENVIRONMENT\",\"value\":\"gstg\"}]}").json().path("id").asLong();
            gitlab.json("POST", "/-/emulator/failures", ROOT, "{\"project\":\"" + DEPLOYER + "\",\"migration\":\"20231102000000\"}");
            gitlab.form("POST", "/-/emulator/clock/advance", ROOT, "seconds=60");
        }
        assertThat(folder.resolve("state.json")).exists();
        assertThat(Files.exists(folder.resolve("state.json.tmp"))).isFalse();
        try (EmulatorFixture again = new EmulatorFixture(folder, EmulatorSettings.defaults().withPipelineStep(Duration.ofMinutes(1)), false)) {
            assertThat(again.get(project(PRODUCTION) + "/issues?labels=Incident::Active").json().get(0).path("title").asText()).isEqualTo("Kept");
            assertThat(again.get(project(SECURITY) + "/deployments?status=running").json().get(0).path("id").asText()).isEqualTo(deployment);
            assertThat(again.get(project(DEPLOYER) + "/pipelines/" + pipeline).json().path("status").asText()).isEqualTo("pending");
            assertThat(again.get("/-/emulator/failures", ROOT).json()).hasSize(1);
            assertThat(again.get("/-/emulator/clock", ROOT).json().path("now").asText()).isEqualTo("2023-11-10T10:01:00.000Z");
            assertThat(again.get(project(SECURITY) + "/repository/commits/" + BRANCH).json().path("id").asText()).hasSize(40);
        }
    }
}
