package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.storage.Database;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.TestDatabases;

/** Two bot instances on one PostgreSQL: one run, whoever asks first; the other says who runs it. */
class RunRaceTest {

    @TempDir
    Path dir;

    @Test
    void two_instances_racing_pdm_execute_on_one_postgresql_start_exactly_one_run() throws Exception {
        PostgresAddress address = TestDatabases.freshPostgresDatabase();
        try (Database a = address.open(); Database b = address.open();
             RunHarness first = RunHarness.open(dir.resolve("a"), a, new Faults());
             RunHarness second = RunHarness.open(dir.resolve("b"), b, new Faults())) {

            List<Reply> replies = Race.run(() -> first.say("pdm execute --confirm"), () -> second.say("pdm execute --confirm"));
            first.awaitIdle();
            second.awaitIdle();

            assertThat(replies).filteredOn(r -> r.plainText().startsWith("PDM run #1 started by alice")).hasSize(1);
            assertThat(replies).filteredOn(r -> r.outcome() == Reply.Outcome.REFUSED).singleElement()
                    .satisfies(r -> assertThat(r.plainText()).startsWith("A PDM run is already active: run #1 (")
                            .contains("started by alice"));
            assertThat(first.runs.store().recent(10)).hasSize(1);
            assertThat(first.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(first.simulated.pipelinesStarted("pdm") + second.simulated.pipelinesStarted("pdm")).isEqualTo(2);
        }
    }

    @Test
    void an_instance_cannot_retry_a_run_another_live_instance_drives() throws Exception {
        PostgresAddress address = TestDatabases.freshPostgresDatabase();
        Faults faults = new Faults();
        try (Database a = address.open(); Database b = address.open();
             RunHarness first = RunHarness.open(dir.resolve("a"), a, faults);
             RunHarness second = RunHarness.open(dir.resolve("b"), b, new Faults())) {
            faults.crashBefore("PipelineRunner.status");
            first.say("pdm execute --confirm");
            first.awaitIdle();

            Reply reply = second.say("pdm retry 1 --confirm");

            assertThat(reply.plainText()).startsWith("Run #1 is running on instance-a").contains("wait for it to end or fail");
            assertThat(second.runs.pickUpUnfinished(true)).isPresent();
            assertThat(second.runs.store().run(1).orElseThrow().owner()).isEqualTo("instance-a");
        }
    }
}
