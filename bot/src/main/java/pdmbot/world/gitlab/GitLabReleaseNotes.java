package pdmbot.world.gitlab;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.models.Note;
import pdmbot.world.ReleaseNotes;

/** Posts release notes as comments on the release issue; answers the note's URL. */
public final class GitLabReleaseNotes implements ReleaseNotes {

    private final GitLabApi api;
    private final GitLabCalls calls;
    private final String webUrl;
    private final ReleaseIssue issue;

    GitLabReleaseNotes(GitLabApi api, GitLabCalls calls, String webUrl, ReleaseIssue issue) {
        this.api = api;
        this.calls = calls;
        this.webUrl = webUrl;
        this.issue = issue;
    }

    @Override
    public String post(String markdown) {
        if (markdown == null || markdown.isBlank()) throw new IllegalArgumentException("a release note needs text");
        String request = "POST /projects/" + URLEncoder.encode(issue.project(), StandardCharsets.UTF_8) + "/issues/"
                + issue.iid() + "/notes";
        Note note = calls.write(UnableToPostReleaseNoteException::new, request,
                () -> api.getNotesApi().createIssueNote(issue.project(), issue.iid(), markdown.strip()));
        String issueUrl = webUrl + "/" + issue.project() + "/-/issues/" + issue.iid();
        return note.getId() == null ? issueUrl : issueUrl + "#note_" + note.getId();
    }

    public ReleaseIssue issue() {
        return issue;
    }
}
