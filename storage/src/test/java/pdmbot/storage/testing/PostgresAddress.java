package pdmbot.storage.testing;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;

/** How to reach one PostgreSQL database made for a test; open as many {@link Database}s on it as a test needs. */
public record PostgresAddress(String url, String user, String password) {

    /** Opens (and migrates, on first use) a Database on this address. */
    public Database open() {
        return Database.postgres(url, user, password);
    }

    /** Same, with the clock its stores stamp rows with. */
    public Database open(Clock clock) {
        return Database.open(StorageSettings.postgres(url, user, password), clock);
    }

    @Override
    public String toString() {
        return "PostgresAddress[" + url + ", user=" + user + "]";
    }
}
