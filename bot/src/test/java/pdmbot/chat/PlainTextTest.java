package pdmbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void a_table_is_aligned_under_its_headers() {
        Reply reply = Reply.builder().table(List.of("env", "pending"),
                List.of(List.of("gstg", "3"), List.of("gprd", "12"))).build();
        assertThat(reply.plainText()).isEqualTo("""
                env   pending
                ----  -------
                gstg  3
                gprd  12""");
    }

    @Test
    void fields_buttons_and_notes_all_render() {
        Reply reply = Reply.builder().heading("Run 4")
                .fields(List.of(new Block.Field("state", "failed"), new Block.Field("step", "gstg")))
                .buttons(List.of(Block.Button.of("Retry", "pdm retry 4 --confirm")))
                .note("id abc").build();
        assertThat(reply.plainText()).contains("Run 4", "state: failed", "step:  gstg", "[Retry]  type: pdm retry 4 --confirm", "id abc");
    }

    @Test
    void a_table_row_with_the_wrong_width_is_rejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Block.Table(List.of("a", "b"), List.of(List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
