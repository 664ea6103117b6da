package pdmbot.storage;

import java.sql.SQLException;

/** Turns driver errors met while opening a store into exceptions whose message says what to do. */
final class OpenFailures {

    // H2 error codes (org.h2.api.ErrorCode), copied so that this class does not need H2 at compile time.
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_FILE_ENCRYPTION_ERROR = 90049;
    private static final int H2_GENERAL_ERROR = 50000;
    private static final int H2_IO_EXCEPTION = 90028;

    private OpenFailures() {
    }

    static StorageException translate(StorageSettings settings, Throwable failure) {
        StorageException known = translateIfKnown(settings, failure);
        if (known != null) return known;
        SQLException sql = sqlCause(failure);
        String reason = sql != null ? sql.getMessage() : String.valueOf(failure.getMessage());
        return new UnableToOpenStoreException("unable to open the store " + settings.location() + ": " + reason, failure);
    }

    static StorageException translateIfKnown(StorageSettings settings, Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) return null;
        return switch (settings.kind()) {
            case H2_FILE -> h2(settings, sql, failure);
            case POSTGRES -> postgres(settings, sql, failure);
            case H2_MEMORY -> null;
        };
    }

    private static StorageException h2(StorageSettings settings, SQLException sql, Throwable failure) {
        int code = sql.getErrorCode();
        if (code == H2_DATABASE_ALREADY_OPEN) {
            String lockFile = settings.dataFolder().resolve(StorageSettings.H2_FILE_NAME + ".lock.db").toString();
            return new StoreInUseException(settings.location(), "H2 holds the lock file " + lockFile, failure);
        }
        if (code == H2_FILE_CORRUPTED || code == H2_FILE_VERSION_ERROR || code == H2_FILE_ENCRYPTION_ERROR
                || (code == H2_GENERAL_ERROR || code == H2_IO_EXCEPTION) && isUnreadableContent(sql))
            return new StoreDamagedException(settings.location(), failure);
        return null;
    }

    /** H2's file layer (MVStore) failed on what it read, not on the permission to read it. */
    private static boolean isUnreadableContent(SQLException sql) {
        boolean storeFailed = false;
        for (Throwable t = sql; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.AccessDeniedException) return false;
            if (t.getClass().getName().startsWith("org.h2.mvstore.")) storeFailed = true;
        }
        return storeFailed;
    }

    private static StorageException postgres(StorageSettings settings, SQLException sql, Throwable failure) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("08"))
            return new DatabaseUnreachableException(settings.location(), firstLine(sql.getMessage()), failure);
        if (state.equals("28P01") || state.equals("28000"))
            return new UnableToOpenStoreException("PostgreSQL at " + settings.location() + " refused user '"
                    + settings.user() + "' (" + firstLine(sql.getMessage()) + "): check the user and password", failure);
        if (state.equals("3D000"))
            return new UnableToOpenStoreException("PostgreSQL at " + settings.location()
                    + " has no such database: create it first (" + firstLine(sql.getMessage()) + ")", failure);
        return null;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) return sql;
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) return "no detail";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
