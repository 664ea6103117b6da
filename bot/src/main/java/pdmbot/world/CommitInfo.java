package pdmbot.world;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the world knows of a commit: who wrote it, when, and which merge request brought it. */
public record CommitInfo(String sha, String title, String message, String authorName, String authorEmail,
                         Instant authoredAt, Optional<MergeRequestRef> mergeRequest) {

    public CommitInfo {
        if (sha == null || !sha.matches("[0-9a-f]{40}"))
            throw new IllegalArgumentException("a commit sha has 40 hex characters: " + sha);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(authoredAt, "authoredAt");
        Objects.requireNonNull(mergeRequest, "mergeRequest");
    }

    /** The 11-character abbreviation auto-deploy package versions use. */
    public String shortSha() {
        return sha.substring(0, 11);
    }
}
