package pdmbot.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to {@code <data>/pdm-bot.log}, rotated by size ({@link #MAX_FILE_SIZE}, {@link #KEPT} old files as
 * {@code pdm-bot.1.log}…), once the data folder is known. Every message is capped at 4000 characters.
 */
final class LogFile {

    static final String APPENDER = "PDM_FILE";
    static final String MAX_FILE_SIZE = "10MB";
    static final int KEPT = 5;
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{30} - %.-4000msg%n";

    private LogFile() {
    }

    /** Logs into {@code dataDir}/pdm-bot.log from now on (replacing an earlier folder). No-op without logback. */
    static void moveTo(Path dataDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(APPENDER);
        file.setFile(dataDir.resolve("pdm-bot.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dataDir.resolve("pdm-bot.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        trigger.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file.setEncoder(encoder);
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        var previous = root.getAppender(APPENDER);
        root.addAppender(file);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
    }

    /** Stops logging to a file (tests). */
    static void stop() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = root.getAppender(APPENDER);
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
    }
}
