package pdmbot.world;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A merge request reference such as {@code gitlab-org/gitlab!123}. */
public record MergeRequestRef(String projectPath, int iid) {

    private static final Pattern SEE_MERGE_REQUEST =
            Pattern.compile("See merge request ([A-Za-z0-9_.\\-]+(?:/[A-Za-z0-9_.\\-]+)+)!(\\d+)");

    public MergeRequestRef {
        if (projectPath == null || projectPath.isBlank()) throw new IllegalArgumentException("project path is required");
        if (iid <= 0) throw new IllegalArgumentException("a merge request iid is positive: " + iid);
    }

    /** The last {@code See merge request group/project!123} trailer of a commit message, if any. */
    public static Optional<MergeRequestRef> fromCommitMessage(String message) {
        if (message == null) return Optional.empty();
        Matcher m = SEE_MERGE_REQUEST.matcher(message);
        MergeRequestRef last = null;
        while (m.find()) {
            try {
                last = new MergeRequestRef(m.group(1), Integer.parseInt(m.group(2)));
            } catch (NumberFormatException tooLarge) {
                // an iid beyond int is not a real merge request; keep looking
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public String toString() {
        return projectPath + "!" + iid;
    }
}
