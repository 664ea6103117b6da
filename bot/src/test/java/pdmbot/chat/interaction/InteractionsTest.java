package pdmbot.chat.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.chat.Block;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.domain.interaction.ChatButtonStore;
import pdmbot.domain.interaction.ChatEventStore;

/** The one interaction service: events once, buttons issued and resolved to sealed outcomes, dialogues kept (issue 11, item 2). */
class InteractionsTest {

    final DataSource db = ChatFixtures.migratedDatabase();
    final Interactions interactions = ChatFixtures.interactions(db);
    final ChatRequest alice = new ChatRequest("slack", "U_ALICE", "alice", "C1", null, "pdm status", "Ev1", Instant.now());
    final Interactions.Mentions at = u -> "<@" + u + ">";

    @Test
    void an_event_is_claimed_once_and_a_released_one_can_be_claimed_again() {
        assertThat(interactions.claim("slack", "Ev-1")).isEqualTo(new Interactions.Claimed("Ev-1"));
        assertThat(interactions.claim("slack", "Ev-1")).isEqualTo(new Interactions.AlreadyHandled("Ev-1"));
        interactions.release("slack", "Ev-1");
        assertThat(interactions.claim("slack", "Ev-1")).isEqualTo(new Interactions.Claimed("Ev-1"));
    }

    @Test
    void a_store_that_cannot_be_reached_leaves_the_event_unrecorded_instead_of_throwing() {
        ChatEventStore broken = new ChatEventStore() {
            public boolean claim(String platform, String eventId, String instance) { throw new IllegalStateException("db down"); }
            public void release(String platform, String eventId) { }
            public int forgetClaimedBefore(Instant before) { return 0; }
        };
        Interactions service = new Interactions(broken, new pdmbot.storage.events.JdbcChatButtonStore(db, Clock.systemUTC()),
                null, "test", Clock.systemUTC());
        assertThat(service.claim("slack", "Ev-2")).isInstanceOf(Interactions.Unrecorded.class);
    }

    @Test
    void a_button_runs_once_then_says_who_used_it() {
        String id = interactions.issue(Block.Button.of("Explain", "migration explain 1"), alice);
        assertThat(interactions.resolve(id, "U_BOB", at)).isEqualTo(new Interactions.Run("migration explain 1", "Explain"));
        assertThat(interactions.resolve(id, "U_CAROL", at)).isEqualTo(new Interactions.AlreadyUsed("U_BOB",
                "This button was already used by <@U_BOB>; nothing ran twice."));
    }

    @Test
    void a_click_by_someone_whose_role_may_not_run_the_command_is_refused_and_leaves_the_button_for_those_who_may() {
        Interactions guarded = new Interactions(new pdmbot.storage.events.JdbcChatEventStore(db, Clock.systemUTC()),
                new pdmbot.storage.events.JdbcChatButtonStore(db, Clock.systemUTC()), null, "test", Clock.systemUTC(),
                (platform, user, command) -> user.equals("U_RM"));
        String id = guarded.issue(Block.Button.of("Confirm", "pdm proposal confirm 7"), alice);

        Interactions.Click guest = guarded.resolve(id, "U_GUEST", at);
        assertThat(guest).isInstanceOf(Interactions.NotYours.class);
        assertThat(((Interactions.NotYours) guest).explanation())
                .isEqualTo("`pdm proposal confirm 7` is for release managers; your click changed nothing and the button stays for them.");
        assertThat(guarded.resolve(id, "U_RM", at)).isEqualTo(new Interactions.Run("pdm proposal confirm 7", "Confirm"));
        assertThat(guarded.resolve(id, "U_GUEST", at)).isInstanceOf(Interactions.NotYours.class);
    }

    @Test
    void a_danger_button_is_only_the_askers_to_click() {
        String id = interactions.issue(new Block.Button("Execute", "pdm execute --confirm", Block.Button.Style.DANGER, null), alice);
        Interactions.Click foreign = interactions.resolve(id, "U_MALLORY", at);
        assertThat(foreign).isInstanceOf(Interactions.NotYours.class);
        assertThat(((Interactions.NotYours) foreign).explanation()).startsWith("Only <@U_ALICE> can answer this button.");
        assertThat(interactions.resolve(id, "U_ALICE", at)).isInstanceOf(Interactions.Run.class);
    }

    @Test
    void an_expired_button_and_an_unknown_one_are_told_apart() {
        ChatButtonStore buttons = new pdmbot.storage.events.JdbcChatButtonStore(db, Clock.systemUTC());
        Instant past = Instant.now().minus(Interactions.BUTTON_LIFETIME).minusSeconds(60);
        buttons.issue(new ChatButtonStore.IssuedButton("old1", "slack", "pdm status", "Status", null, past,
                past.plus(Interactions.BUTTON_LIFETIME)));
        assertThat(interactions.resolve("old1", "U_BOB", at)).isInstanceOf(Interactions.Expired.class);
        assertThat(interactions.resolve("never", "U_BOB", at)).isInstanceOf(Interactions.Unknown.class);
    }

    @Test
    void an_announcement_loses_its_buttons_and_is_not_private() {
        Reply reply = Reply.builder().text("run #1 started").buttons(List.of(Block.Button.of("Retry", "pdm retry 1"))).ephemeral().build();
        Reply shown = Interactions.withoutButtons(reply);
        assertThat(shown.blocks()).noneMatch(b -> b instanceof Block.Buttons);
        assertThat(shown.ephemeral()).isFalse();
    }

    @Test
    void a_dialogue_opened_on_one_instance_is_answered_on_another_once() {
        DialogueStore.Start started = interactions.dialogues().open("triage", "run:7", alice, "what-failed", "{}");
        String id = ((DialogueStore.Started) started).dialogue().id();
        Interactions other = ChatFixtures.interactions(db);
        assertThat(other.dialogues().openOn("triage", "run:7")).isPresent();
        assertThat(other.dialogues().answer(id, 1, "retry-safe", "{\"retry\":true}")).isInstanceOf(DialogueStore.Advanced.class);
        assertThat(interactions.dialogues().answer(id, 1, "block-deploys", "{}")).isInstanceOf(DialogueStore.Stale.class);
        assertThat(interactions.dialogues().find(id).orElseThrow().step()).isEqualTo("retry-safe");
    }
}
