package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GitLabReleaseNotesTest extends GitLabWireMock {

    static final String NOTES = "/api/v4/projects/" + segment("gitlab-org/release/tasks") + "/issues/1234/notes";

    @Test
    void a_note_is_posted_on_the_release_issue_and_its_url_returned() {
        gitlab.stubFor(post(urlPathEqualTo(NOTES)).willReturn(json("release-issue-note.json").withStatus(201)));

        String url = world.releaseNotes().orElseThrow().post("Post-deploy migrations ran on gprd");

        assertThat(url).isEqualTo(gitlab.baseUrl() + "/gitlab-org/release/tasks/-/issues/1234#note_1654321987");
        gitlab.verify(postRequestedFor(urlPathEqualTo(NOTES)).withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withRequestBody(containing("body=Post-deploy+migrations+ran+on+gprd")));
    }

    @Test
    void a_note_is_not_posted_twice_when_gitlab_times_out_because_the_first_may_have_landed() {
        gitlab.stubFor(post(urlPathEqualTo(NOTES)).willReturn(json("release-issue-note.json").withStatus(201)
                .withFixedDelay(1500)));

        assertThatThrownBy(() -> world.releaseNotes().orElseThrow().post("hello"))
                .isInstanceOf(UnableToPostReleaseNoteException.class)
                .hasMessageStartingWith("GitLab did not answer POST /projects/gitlab-org%2Frelease%2Ftasks/issues/1234/notes within 1 s");
        gitlab.verify(1, postRequestedFor(urlPathEqualTo(NOTES)));
    }

    @Test
    void a_rate_limited_note_is_retried() {
        gitlab.stubFor(post(urlPathEqualTo(NOTES)).inScenario("notes").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("later"));
        gitlab.stubFor(post(urlPathEqualTo(NOTES)).inScenario("notes").whenScenarioStateIs("later")
                .willReturn(json("release-issue-note.json").withStatus(201)));

        assertThat(world.releaseNotes().orElseThrow().post("hello")).endsWith("#note_1654321987");
        assertThat(sleeps).containsExactly(java.time.Duration.ofSeconds(2));
    }

    @Test
    void a_release_issue_is_written_as_a_reference_or_as_its_url() {
        assertThat(ReleaseIssue.parse("gitlab-org/release/tasks#1234")).isEqualTo(new ReleaseIssue("gitlab-org/release/tasks", 1234));
        assertThat(ReleaseIssue.parse("https://gitlab.com/gitlab-org/release/tasks/-/issues/99"))
                .isEqualTo(new ReleaseIssue("gitlab-org/release/tasks", 99));
        assertThatThrownBy(() -> ReleaseIssue.parse("tasks 1234"))
                .hasMessageContaining("world.gitlab.release-issue must look like gitlab-org/release/tasks#1234");
    }
}
