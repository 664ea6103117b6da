package pdmbot.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergeRequestRefTest {

    @Test
    void the_see_merge_request_trailer_names_project_and_iid() {
        assertThat(MergeRequestRef.fromCommitMessage("Add index\n\nBody\n\nSee merge request gitlab-org/gitlab!136117\n"))
                .contains(new MergeRequestRef("gitlab-org/gitlab", 136117));
    }

    @Test
    void a_nested_group_path_is_kept_whole_and_the_last_trailer_wins() {
        assertThat(MergeRequestRef.fromCommitMessage(
                "Revert\n\nSee merge request gitlab-org/gitlab!1\n\nSee merge request gitlab-org/security/gitlab!3798"))
                .map(Object::toString).contains("gitlab-org/security/gitlab!3798");
    }

    @Test
    void a_message_without_a_trailer_has_no_merge_request() {
        assertThat(MergeRequestRef.fromCommitMessage("Fix typo")).isEmpty();
    }
}
