package pdmbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncementHubTest {

    @Test
    void what_is_announced_before_anyone_listens_reaches_the_first_listener() {
        AnnouncementHub hub = new AnnouncementHub();
        hub.announce("run-1", Reply.ok("run #1 was left unfinished"));
        List<String> heard = new ArrayList<>();
        hub.subscribe((topic, m) -> heard.add(topic + ": " + m.plainText()));
        hub.announce("run-1", Reply.ok("resumed"));
        assertThat(heard).containsExactly("run-1: run #1 was left unfinished", "run-1: resumed");
    }

    @Test
    void the_backlog_is_bounded_and_a_failing_listener_does_not_stop_the_others() {
        AnnouncementHub hub = new AnnouncementHub();
        for (int i = 0; i < AnnouncementHub.BACKLOG + 10; i++) hub.announce("t", Reply.ok("m" + i));
        List<String> heard = new ArrayList<>();
        hub.subscribe((topic, m) -> { throw new IllegalStateException("broken adapter"); });
        hub.subscribe((topic, m) -> heard.add(m.plainText()));
        hub.announce("t", Reply.ok("after"));
        assertThat(heard).containsExactly("after");
    }
}
