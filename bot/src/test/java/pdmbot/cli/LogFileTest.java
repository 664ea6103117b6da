package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Where the log goes and what it may hold (issue 13, item 6). */
class LogFileTest {

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        LogFile.stop();
    }

    @Test
    void the_log_is_written_in_the_data_folder_and_a_huge_message_is_capped() throws Exception {
        LogFile.moveTo(data);
        String body = "payload=" + "x".repeat(1 << 20);
        LoggerFactory.getLogger("pdmbot.test").warn("a library quoting a request: {}", body);
        LogFile.stop();
        Path log = data.resolve("pdm-bot.log");
        assertThat(log).exists();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("a library quoting a request"));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThan(4200));
    }

    @Test
    void the_shipped_configuration_writes_no_file_by_itself_and_silences_bolts_body_quoting_warning() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFileTest.class.getResource("/logback.xml"));
        assertThat(context.getLogger("com.slack.api.bolt.App").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("ROOT").iteratorForAppenders()).toIterable()
                .noneMatch(a -> a instanceof ch.qos.logback.core.FileAppender);
        context.stop();
    }
}
