package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import pdmbot.world.WorldException;

/** The decisions' lines in status and explain degrade to one line when the world cannot be read. */
class DecisionLinesTest {

    private static final class UnableToReadTestWorldException extends WorldException {
        UnableToReadTestWorldException(String message) {
            super(message);
        }
    }

    @Test
    void a_world_that_cannot_be_read_gives_one_line_saying_why_instead_of_failing_the_status() {
        RunDecider decider = TestDeciders.reading(() -> {
            throw new UnableToReadTestWorldException("GitLab answered 503 to GET /projects/gitlab-org%2Fgitlab/deployments");
        }, Instant.parse("2026-12-01T14:00:00Z"));

        assertThat(new DecisionLines(decider).lines()).containsExactly(
                "no decision: the world could not be read for it (GitLab answered 503 to GET /projects/gitlab-org%2Fgitlab/deployments)");
        assertThat(new DecisionLines(decider).linesFor("20231107025611")).hasSize(1);
    }
}
