package pdmbot.world;

import java.util.List;
import java.util.Objects;

/**
 * Who wrote and who approved a merge request: its author, every approver (GitLab's MR approvals API) and the
 * people who added the {@code database::approved} label (its resource label events).
 */
public record MergeRequestReview(MergeRequestRef ref, String title, String author, String url, List<String> approvers,
                                 List<String> databaseApprovedBy) {

    public MergeRequestReview {
        Objects.requireNonNull(ref, "ref");
        if (title == null) title = "";
        if (author == null) author = "";
        if (url == null) url = "";
        approvers = List.copyOf(approvers);
        databaseApprovedBy = List.copyOf(databaseApprovedBy);
    }
}
