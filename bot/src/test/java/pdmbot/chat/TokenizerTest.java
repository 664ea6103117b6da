package pdmbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void words_are_split_on_whitespace() {
        assertThat(Tokenizer.split("  pdm   status  ")).containsExactly("pdm", "status");
    }

    @Test
    void quotes_group_words_like_a_shell() {
        assertThat(Tokenizer.split("pdm lock gstg \"db maintenance tonight\" 'and more'"))
                .containsExactly("pdm", "lock", "gstg", "db maintenance tonight", "and more");
    }

    @Test
    void escaped_quotes_stay_inside_a_double_quoted_word() {
        assertThat(Tokenizer.split("say \"a \\\"quoted\\\" word\"")).containsExactly("say", "a \"quoted\" word");
    }

    @Test
    void chat_clients_curly_quotes_are_understood() {
        assertThat(Tokenizer.split("pdm lock gstg \u201cnoisy neighbour\u201d")).containsExactly("pdm", "lock", "gstg", "noisy neighbour");
    }

    @Test
    void an_empty_quoted_word_is_kept() {
        assertThat(Tokenizer.split("a \"\" b")).containsExactly("a", "", "b");
    }

    @Test
    void an_unbalanced_quote_is_a_usage_error_naming_where_it_opened() {
        assertThatThrownBy(() -> Tokenizer.split("pdm lock gstg 'oops"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("single quote at position 15 is never closed");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("a no-break or other Unicode space separates words (issue 10, item 7)")
    void a_unicode_space_is_a_space() {
        assertThat(Tokenizer.split("pdm\u00a0status")).containsExactly("pdm", "status");
        assertThat(Tokenizer.split("pdm\u202fexecute\u2007--dry-run\u3000")).containsExactly("pdm", "execute", "--dry-run");
    }

    @Test
    void a_zero_width_space_pasted_into_a_word_is_dropped() {
        assertThat(Tokenizer.split("pdm sta\u200btus")).containsExactly("pdm", "status");
    }

    @Test
    void a_unicode_space_inside_quotes_stays_as_typed() {
        assertThat(Tokenizer.split("pdm lock gstg \"db\u00a0maintenance\"")).containsExactly("pdm", "lock", "gstg", "db\u00a0maintenance");
    }
}
