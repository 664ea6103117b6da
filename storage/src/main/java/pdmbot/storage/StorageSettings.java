package pdmbot.storage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the store lives and how to reach it. {@link #toString()} and {@link #location()} never show the
 * password, so a settings value may be logged.
 */
public record StorageSettings(Kind kind, String jdbcUrl, String user, String password, Path dataFolder,
                              int maximumPoolSize) {

    /** The H2 file inside the data folder is {@code pdm-bot.mv.db}. */
    public static final String H2_FILE_NAME = "pdm-bot";
    /** Makes H2 speak the same SQL dialect as PostgreSQL for the Flyway scripts and the stores. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*&?");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

    /** The kinds of store pdm-bot can open. */
    public enum Kind { H2_FILE, H2_MEMORY, POSTGRES }

    public StorageSettings {
        Objects.requireNonNull(kind, "kind");
        if (jdbcUrl == null || jdbcUrl.isBlank()) throw new IllegalArgumentException("a JDBC URL is required");
        if (kind == Kind.H2_FILE && dataFolder == null) throw new IllegalArgumentException("an H2 file store needs a data folder");
        if (maximumPoolSize < 1) throw new IllegalArgumentException("the pool needs at least one connection");
    }

    /**
     * An H2 file {@code <dataFolder>/pdm-bot.mv.db}. H2's default FILE lock makes a second process fail to open it.
     * {@code WRITE_DELAY=0} writes every commit to the file at once: with H2's default (500 ms) a process killed
     * right after a commit loses it, and a PDM run resumed after {@code kill -9} would repeat what it had recorded.
     */
    public static StorageSettings h2(Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + folder.resolve(H2_FILE_NAME) + H2_OPTIONS + ";WRITE_DELAY=0";
        return new StorageSettings(Kind.H2_FILE, url, "sa", "", folder, 4);
    }

    /** A private in-memory H2 database that lives until the {@link Database} is closed. */
    public static StorageSettings inMemoryH2(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]+"))
            throw new IllegalArgumentException("an in-memory database name is letters, digits, '_' and '-': " + name);
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
        return new StorageSettings(Kind.H2_MEMORY, url, "sa", "", null, 4);
    }

    /** A PostgreSQL database shared by every pdm-bot instance that points at it. */
    public static StorageSettings postgres(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:"))
            throw new IllegalArgumentException("a PostgreSQL URL starts with jdbc:postgresql:// — got " + redact(url));
        return new StorageSettings(Kind.POSTGRES, url, user, password, null, 10);
    }

    /** Where the store is, in words safe to show: the H2 file or the PostgreSQL URL without password. */
    public String location() {
        return switch (kind) {
            case H2_FILE -> dataFolder.resolve(H2_FILE_NAME + ".mv.db").toString();
            case H2_MEMORY -> "in-memory H2 database " + jdbcUrl.substring("jdbc:h2:mem:".length(), jdbcUrl.indexOf(';'));
            case POSTGRES -> redact(jdbcUrl);
        };
    }

    /** A JDBC URL with any password parameter or user-info removed. */
    public static String redact(String url) {
        if (url == null) return "(no URL)";
        String withoutPassword = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
        withoutPassword = USER_INFO.matcher(withoutPassword).replaceFirst("//");
        if (withoutPassword.endsWith("?") || withoutPassword.endsWith("&"))
            withoutPassword = withoutPassword.substring(0, withoutPassword.length() - 1);
        return withoutPassword;
    }

    @Override
    public String toString() {
        return "StorageSettings[" + kind + " " + location() + ", user=" + user + ", pool=" + maximumPoolSize + "]";
    }
}
