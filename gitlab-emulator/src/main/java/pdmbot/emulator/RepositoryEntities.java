package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** JSON of GitLab's repository entities, field for field: {@code lib/api/entities/{commit,commit_detail,tag,diff,tree_object}.rb}. */
final class RepositoryEntities {

    private RepositoryEntities() {
    }

    /** Entities::Commit: id, short_id (8), created_at (= committed_date), parent_ids, title, message, author_*, committer_*, trailers, web_url. */
    static ObjectNode commit(RevCommit c, String projectWebUrl) {
        ObjectNode json = Json.object();
        PersonIdent author = c.getAuthorIdent();
        PersonIdent committer = c.getCommitterIdent();
        String committed = Json.gitTime(committer.getWhenAsInstant(), offset(committer));
        json.put("id", c.name());
        json.put("short_id", c.name().substring(0, 8));
        json.put("created_at", committed);
        ArrayNode parents = json.putArray("parent_ids");
        for (RevCommit p : c.getParents()) parents.add(p.name());
        // full_title: the first line; safe_message: the whole message
        json.put("title", c.getShortMessage());
        json.put("message", c.getFullMessage());
        json.put("author_name", author.getName());
        json.put("author_email", author.getEmailAddress());
        json.put("authored_date", Json.gitTime(author.getWhenAsInstant(), offset(author)));
        json.put("committer_name", committer.getName());
        json.put("committer_email", committer.getEmailAddress());
        json.put("committed_date", committed);
        json.putObject("trailers");
        json.putObject("extended_trailers");
        json.put("web_url", projectWebUrl + "/-/commit/" + c.name());
        return json;
    }

    /** Entities::CommitDetail: Commit plus stats, status, project_id, last_pipeline. */
    static ObjectNode commitDetail(RevCommit c, String projectWebUrl, long projectId, int[] stats) {
        ObjectNode json = commit(c, projectWebUrl);
        ObjectNode s = json.putObject("stats");
        s.put("additions", stats[0]);
        s.put("deletions", stats[1]);
        s.put("total", stats[0] + stats[1]);
        json.putNull("status");
        json.put("project_id", projectId);
        json.putNull("last_pipeline");
        return json;
    }

    private static ZoneOffset offset(PersonIdent ident) {
        return ident.getZoneOffset();
    }

    /** Entities::Tag: name, message, target, commit, release, protected, created_at. */
    static ObjectNode tag(ProjectRepository.Tag tag, String projectWebUrl) {
        ObjectNode json = Json.object();
        json.put("name", tag.name());
        json.put("message", tag.message());
        json.put("target", tag.target());
        json.set("commit", commit(tag.commit(), projectWebUrl));
        json.putNull("release");
        json.put("protected", false);
        if (tag.createdAt() == null) json.putNull("created_at");
        else json.put("created_at", Json.gitTime(tag.createdAt(), ZoneOffset.UTC));
        return json;
    }

    /** Entities::Diff. */
    static ObjectNode diff(ProjectRepository.Diff d, boolean tooLarge) {
        ObjectNode json = Json.object();
        json.put("diff", tooLarge ? "" : d.diff());
        json.put("collapsed", false);
        json.put("too_large", tooLarge);
        json.put("new_path", d.newPath());
        json.put("old_path", d.oldPath());
        json.put("a_mode", d.newFile() ? "0" : d.aMode());
        json.put("b_mode", d.deletedFile() ? "0" : d.bMode());
        json.put("new_file", d.newFile());
        json.put("renamed_file", d.renamedFile());
        json.put("deleted_file", d.deletedFile());
        json.put("generated_file", false);
        return json;
    }

    /** Entities::TreeObject: id, name, type, path, mode. */
    static ObjectNode treeEntry(ProjectRepository.TreeEntry e) {
        ObjectNode json = Json.object();
        json.put("id", e.id());
        json.put("name", e.name());
        json.put("type", e.type());
        json.put("path", e.path());
        json.put("mode", e.mode());
        return json;
    }
}
