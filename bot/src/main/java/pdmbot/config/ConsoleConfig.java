package pdmbot.config;

/** The local console user; a release manager by default so the demo can be tried end to end. */
public record ConsoleConfig(String user, Boolean releaseManager) {
    public ConsoleConfig {
        if (user == null || user.isBlank()) user = System.getProperty("user.name", "local");
        if (releaseManager == null) releaseManager = true;
    }
}
