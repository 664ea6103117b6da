package pdmbot.config;

/** Extra .drl files (loaded after the built-in ones) and the table sizes file. */
public record RulesConfig(String folder, String tableSizes) {
}
