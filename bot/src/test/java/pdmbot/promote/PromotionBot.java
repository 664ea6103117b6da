package pdmbot.promote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.run.DemoTemplate;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.World;

/** A bot on a fresh copy of the demo world, spoken to through its chat core, its announcements collected. */
final class PromotionBot implements AutoCloseable {

    /** The demo's diverged hotfix branch (DemoRepositoryWriter.DIVERGED_BRANCH). */
    static final String DIVERGED_BRANCH = "refs/heads/hotfix/api-cache-warmer";
    /** db/gprd ran every post-deploy migration up to the 25th package (DemoStatePlanner.GPRD_RAN_THROUGH = 24). */
    static final int ROLLBACK_LINE_INDEX = 24;

    record Announcement(String topic, String text) {
    }

    final PdmBot bot;
    final Path data;
    final List<Announcement> announcements = Collections.synchronizedList(new ArrayList<>());

    private PromotionBot(PdmBot bot, Path data) {
        this.bot = bot;
        this.data = data;
        bot.announcements().subscribe((topic, message) -> announcements.add(new Announcement(topic, message.plainText())));
    }

    static PromotionBot start(Path data) {
        return start(data, "");
    }

    /** With extra YAML configuration (written to {@code <data>/pdm-bot.yaml}). */
    static PromotionBot start(Path data, String yaml) {
        if (!Files.exists(data.resolve("demo"))) DemoTemplate.copyInto(data);
        BotConfig config = BotConfig.defaults().withData(data.toString());
        if (!yaml.isBlank()) {
            try {
                Path file = data.resolve("pdm-bot.yaml");
                Files.writeString(file, yaml);
                config = pdmbot.config.ConfigLoader.load(file, Map.of()).withData(data.toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new PromotionBot(PdmBot.start(config, Map.of(), Clock.systemUTC()), data);
    }

    Reply say(String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", Instant.now()));
    }

    Reply sayAsGuest(String text) {
        return bot.core().handle(new ChatRequest("slack", "U0GUEST", "guest", "C1", null, text, "", Instant.now()));
    }

    World world() {
        return bot.ledger().world();
    }

    AutoDeployPackage on(Environment environment) {
        return world().deployments().packageOn(environment).orElseThrow();
    }

    List<AutoDeployPackage> packages() {
        return world().packages().packages();
    }

    String divergedSha() {
        try (Git git = Git.open(DemoTemplate.canonicalRepository(data).toFile())) {
            return git.getRepository().resolve(DIVERGED_BRANCH).name();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> announcementTexts() {
        synchronized (announcements) {
            return announcements.stream().map(Announcement::text).toList();
        }
    }

    @Override
    public void close() {
        bot.close();
    }
}
