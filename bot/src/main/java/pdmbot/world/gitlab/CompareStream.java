package pdmbot.world.gitlab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code GET /projects/:id/repository/compare} answer as a stream, keeping only the file entries under
 * {@code db/post_migrate/}: diff texts and the commit list are skipped without being held, so memory does not grow
 * with the size of the diff.
 */
final class CompareStream {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String DIRECTORY = "db/post_migrate/";

    /** One file entry of {@code diffs}. */
    record FileDiff(String oldPath, String newPath, boolean newFile, boolean deletedFile, boolean renamedFile) {
    }

    /**
     * @param truncated GitLab stopped listing files: {@code compare_timeout} is how its API reports that the diff
     *                  collection overflowed its limits ({@code overflow} is read too, should a version send it)
     */
    record Result(boolean truncated, List<FileDiff> postMigrateDiffs) {
    }

    private CompareStream() {
    }

    static Result read(InputStream body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonParseException(p, "expected a JSON object");
            boolean truncated = false;
            boolean sawDiffs = false;
            List<FileDiff> kept = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("diffs") && value == JsonToken.START_ARRAY) {
                    sawDiffs = true;
                    readDiffs(p, kept);
                } else if (field.equals("compare_timeout") || field.equals("overflow")) {
                    truncated |= value == JsonToken.VALUE_TRUE;
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw new JsonParseException(p, "unfinished JSON object");
            if (!sawDiffs) throw new JsonParseException(p, "no \"diffs\" array in the compare answer");
            return new Result(truncated, List.copyOf(kept));
        }
    }

    private static void readDiffs(JsonParser p, List<FileDiff> kept) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String oldPath = null;
            String newPath = null;
            boolean newFile = false;
            boolean deletedFile = false;
            boolean renamedFile = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "old_path": oldPath = value == JsonToken.VALUE_STRING ? p.getText() : null; break;
                    case "new_path": newPath = value == JsonToken.VALUE_STRING ? p.getText() : null; break;
                    case "new_file": newFile = value == JsonToken.VALUE_TRUE; break;
                    case "deleted_file": deletedFile = value == JsonToken.VALUE_TRUE; break;
                    case "renamed_file": renamedFile = value == JsonToken.VALUE_TRUE; break;
                    // the diff text is never read into memory: the parser skips an unread string
                    default: p.skipChildren();
                }
            }
            if (isPostMigrate(oldPath) || isPostMigrate(newPath))
                kept.add(new FileDiff(oldPath, newPath, newFile, deletedFile, renamedFile));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw new JsonParseException(p, "malformed \"diffs\" array");
    }

    private static boolean isPostMigrate(String path) {
        return path != null && path.startsWith(DIRECTORY);
    }
}
