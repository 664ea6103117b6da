package pdmbot.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import pdmbot.config.BotConfig;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.world.demo.DemoSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code emulator}: the project's GitLab emulator as its own process, seeded with the demo world, until stopped. */
@Command(name = "emulator", description = "Run the GitLab emulator on 127.0.0.1, seeded with the demo world in GitLab.com's "
        + "layout (state in <data>/gitlab-emulator), and print its URL and token. Ctrl-C stops it.")
final class EmulatorCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "<port>", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8929;

    @Option(names = "--step-seconds", paramLabel = "<seconds>",
            description = "How long each pipeline step and job takes (default: ${DEFAULT-VALUE}).")
    double stepSeconds = 5;

    @Override
    public Integer call() throws Exception {
        BotConfig config = main.launch().configuration();
        Path folder = Path.of(config.data()).toAbsolutePath().resolve("gitlab-emulator");
        System.setProperty("pdm.log.dir", Path.of(config.data()).toAbsolutePath().toString());
        EmulatorSettings settings = EmulatorSettings.defaults().withPipelineStep(Duration.ofMillis(Math.max(1, (long) (stepSeconds * 1000))));
        Emulator emulator = Emulator.start(folder, port, EmulatorClock.system(), settings);
        DemoSeed.Seeded seeded;
        try {
            seeded = DemoSeed.ensure(emulator, config.world().demoSeed());
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "gitlab-emulator-shutdown"));
        System.out.println("GitLab emulator on " + emulator.url() + " (" + (seeded.wasSeededNow()
                ? "seeded with the demo world: " + seeded.packages() + " packages" : "demo world kept from " + folder) + ")");
        System.out.println("API:   " + emulator.url() + "/api/v4   token: " + seeded.token());
        System.out.println("State: " + folder);
        System.out.println("Point the bot at it (GitLab.com's layout, so GitLab.com's configuration):");
        System.out.println("  PDM_WORLD_GITLAB_URL=" + emulator.url() + " PDM_WORLD_GITLAB_OPS_URL=" + emulator.url()
                + " PDM_GITLAB_TOKEN=" + seeded.token() + " PDM_WORLD_GITLAB_RELEASE_ISSUE=" + seeded.releaseIssue()
                + " java -jar bot/target/pdm-bot.jar --config config/gitlab-com.yaml say \"pdm status\"");
        System.out.println("Ctrl-C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
