package pdmbot.world.gitlab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The issue release notes go to, written {@code gitlab-org/release/tasks#1234} or as the issue's URL. */
public record ReleaseIssue(String project, long iid) {

    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z0-9_.\\-]+(?:/[A-Za-z0-9_.\\-]+)+)#(\\d{1,18})");
    private static final Pattern URL = Pattern.compile("https?://[^/]+/(.+?)/-/(?:issues|work_items)/(\\d{1,18})/?");

    public ReleaseIssue {
        if (project == null || project.isBlank()) throw new IllegalArgumentException("project is required");
        if (iid <= 0) throw new IllegalArgumentException("an issue iid is positive: " + iid);
    }

    public static ReleaseIssue parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = REFERENCE.matcher(t);
        if (!m.matches()) m = URL.matcher(t);
        if (!m.matches())
            throw new IllegalArgumentException("world.gitlab.release-issue must look like gitlab-org/release/tasks#1234"
                    + " or be the issue's URL, not '" + t + "'");
        return new ReleaseIssue(m.group(1), Long.parseLong(m.group(2)));
    }

    @Override
    public String toString() {
        return project + "#" + iid;
    }
}
