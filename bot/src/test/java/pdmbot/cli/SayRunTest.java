package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.storage.runs.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.RunConfig;

/** Issue 10 item 5: a one-shot {@code say} that started a run waits, then hands a run still going over, with exit 4. */
class SayRunTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedOut;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
    }

    private int run(String... args) throws Exception {
        Path config = temp.resolve("slow.yaml");
        // one simulated second per migration: gstg alone takes 8 s, well past the 1 s wait
        Files.writeString(config, "run:\n  demo-seconds-per-migration: 1\n");
        String[] all = new String[args.length + 4];
        all[0] = "--data";
        all[1] = temp.resolve("data").toString();
        all[2] = "--config";
        all[3] = config.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Main.run(all);
    }

    @Test
    void a_run_still_going_after_the_wait_is_handed_over_with_exit_4_and_never_looks_driven_by_the_gone_process() throws Exception {
        int exit = run("say", "--wait", "1", "pdm execute --confirm");

        assertThat(exit).isEqualTo(SayCommand.RUN_STILL_GOING);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PDM run #1 is still going after 1 s, at step gstg",
                "hands it over", "`pdm retry 1` resumes it", "`pdm run 1`");

        out.reset();
        assertThat(run("say", "pdm run 1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PDM run #1 — running",
                "No instance drives it now (it was handed over)");

        // a serving instance with on-unfinished: resume takes it at its next look, and finishes it
        BotConfig base = ConfigLoader.load(temp.resolve("slow.yaml"), Map.of()).withData(temp.resolve("data").toString());
        BotConfig serving = base.withRun(new RunConfig("resume", 0, null, null, List.of(), null, null));
        try (PdmBot bot = PdmBot.start(serving, Map.of())) {
            assertThat(bot.runs().adoptAbandoned()).map(r -> r.id()).contains(1L);
            assertThat(bot.runs().awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.runs().store().steps(1).get(2).attempt()).as("gstg went on in its attempt").isEqualTo(1);
        }
    }
}
