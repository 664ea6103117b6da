package pdmbot.storage;

/** Flyway could not bring the schema to this version of pdm-bot. */
public class UnableToMigrateSchemaException extends UnableToOpenStoreException {
    public UnableToMigrateSchemaException(String location, String reason, Throwable cause) {
        super("the schema of " + location + " could not be migrated (" + reason
                + "): is the store from a newer pdm-bot, or was it changed by hand?", cause);
    }
}
