package pdmbot.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import pdmbot.app.PdmBot;
import pdmbot.serve.ChatBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bench [classify|ledger|chat|decide|metrics|http]}: measures and prints JSON lines; asserts nothing. */
@Command(name = "bench", description = "Measure performance and print the figures as JSON lines (nothing is asserted).")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "<what>", description = "classify, ledger, chat, decide, metrics or http (default: all but http)")
    String what;

    @Option(names = "--requests", description = "chat: requests per client (default ${DEFAULT-VALUE})", defaultValue = "50")
    int requests;

    @Option(names = "--files", description = "classify: generated files (default ${DEFAULT-VALUE})", defaultValue = "5000")
    int files;

    @Option(names = "--packages", description = "ledger: generated packages (default ${DEFAULT-VALUE})", defaultValue = "2000")
    int packages;

    @Option(names = "--migrations", description = "ledger: generated post-deploy migrations (default ${DEFAULT-VALUE})", defaultValue = "5000")
    int migrations;

    @Option(names = "--connections", description = "http: slow connections held (default ${DEFAULT-VALUE})", defaultValue = "500")
    int connections;

    @Option(names = "--seconds", description = "http: how long they are held (default ${DEFAULT-VALUE})", defaultValue = "60")
    int seconds;

    @Option(names = "--world", description = "ledger: demo (a generated git repository) or gitlab (GitLab.com's"
            + " package convention, served on loopback; reports calls per new package) (default ${DEFAULT-VALUE})",
            defaultValue = "demo")
    String world;

    @Option(names = "--scrapes", description = "metrics: scrapes of /metrics measured (default ${DEFAULT-VALUE})", defaultValue = "500")
    int scrapes;

    @Option(names = "--command", description = "chat: the query command sent (default \"${DEFAULT-VALUE}\")", defaultValue = "pdm status")
    String command;

    @Override
    public Integer call() throws Exception {
        // Before anything starts a JDK HTTP server (the demo's Prometheus stand-in does, at start): the JDK reads it once.
        // Without it the benches' stand-ins for Slack and GitLab answer each call ~40 ms late (Nagle, delayed ACK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String which = what == null ? "all" : what;
        boolean ran = false;
        if (which.equals("classify") || which.equals("all")) {
            ClassifyBenchmark.run(System.out, files);
            ran = true;
        }
        if (which.equals("ledger") || which.equals("all")) {
            if ("gitlab".equals(world)) {
                pdmbot.ledger.bench.GitLabLedgerBench.run(System.out, Math.min(packages, 200),
                        Math.max(1, Math.min(20, migrations / Math.max(1, packages))));
            } else if ("demo".equals(world)) {
                pdmbot.ledger.bench.LedgerBench.run(System.out, packages, migrations, 10_000, 20);
            } else {
                System.err.println("pdm-bot bench: unknown --world '" + world + "'; expected demo or gitlab");
                return 2;
            }
            ran = true;
        }
        if (which.equals("chat") || which.equals("all")) {
            benchChat();
            ran = true;
        }
        if (which.equals("decide") || which.equals("all")) {
            pdmbot.decide.bench.DecideBench.run(System.out, 500, 200, 20);
            ran = true;
        }
        if (which.equals("metrics") || which.equals("all")) {
            try (PdmBot bot = main.launch().start()) {
                pdmbot.metrics.MetricsBench.run(System.out, bot.endpoints(), scrapes);
            }
            ran = true;
        }
        if (which.equals("http")) {
            try (PdmBot bot = main.launch().start()) {
                pdmbot.serve.HttpBench.run(System.out, bot.core(), bot.interactions(), connections,
                        Duration.ofSeconds(seconds));
            }
            ran = true;
        }
        if (!ran) {
            System.err.println("pdm-bot bench: unknown benchmark '" + which + "'; expected classify, ledger, chat, decide, metrics or http");
            return 2;
        }
        return 0;
    }

    private void benchChat() throws Exception {
        try (PdmBot bot = main.launch().start()) {
            String words = bot.core().router().route(pdmbot.chat.Tokenizer.split(command)) instanceof pdmbot.chat.Router.Matched
                    ? command : "help";
            ChatBench.run(System.out, bot.core(), bot.interactions(), words, requests, Duration.ofSeconds(120));
        }
    }
}
