package pdmbot.rules.source;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class LexerTest {

    private final List<ParseProblem> problems = new ArrayList<>();

    private List<Token> lex(String src) {
        return new Lexer(src, problems).tokens().stream()
                .filter(t -> t.kind() != Token.Kind.NEWLINE && t.kind() != Token.Kind.EOF).toList();
    }

    @Test
    void comments_are_dropped() {
        assertThat(lex("a # remove_column :x\n=begin\ndrop_table\n=end\nb")).extracting(Token::text).containsExactly("a", "b");
    }

    @Test
    void double_quoted_strings_keep_interpolation_as_text() {
        Token t = lex("\"UPDATE #{table} SET x = '#{v}'\"").get(0);
        assertThat(t.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(t.text()).isEqualTo("UPDATE #{table} SET x = '#{v}'");
        assertThat(t.interpolated()).isTrue();
    }

    @Test
    void single_quoted_strings_unescape_only_quote_and_backslash() {
        assertThat(lex("'it\\'s \\n'").get(0).text()).isEqualTo("it's \\n");
    }

    @Test
    void word_and_symbol_lists_are_one_token() {
        assertThat(lex("%w[a b] %i(c d)")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Token.Kind.WORDS, "a b"), tuple(Token.Kind.WORDS, "c d"));
    }

    @Test
    void symbols_labels_and_scope_operators_are_told_apart() {
        assertThat(lex("x :ci_builds, name: :\"a-b\", Gitlab::Database")).extracting(Token::kind).containsExactly(
                Token.Kind.IDENT, Token.Kind.SYMBOL, Token.Kind.OP, Token.Kind.LABEL, Token.Kind.SYMBOL, Token.Kind.OP,
                Token.Kind.CONST, Token.Kind.OP, Token.Kind.CONST);
    }

    @Test
    void numbers_drop_underscores_and_durations_stay_method_calls() {
        assertThat(lex("1_000 2.minutes 1.5")).extracting(Token::text).containsExactly("1000", "2", ".", "minutes", "1.5");
    }

    @Test
    void heredocs_of_every_flavour_are_read_and_lines_continue_after_them() {
        List<Token> tokens = lex("a(<<~ONE, <<-TWO)\n    one\n  ONE\n    two\n    TWO\nb <<PLAIN\nthree\nPLAIN\nc");
        assertThat(tokens).extracting(Token::text).containsExactly("a", "(", "one\n", ",", "    two\n", ")", "b", "three\n", "c");
        assertThat(tokens.get(tokens.size() - 1).line()).isEqualTo(9);
    }

    @Test
    void an_unterminated_heredoc_or_string_is_a_problem_not_a_hang() {
        lex("execute <<~SQL\n  UPDATE x\n");
        lex("'never closed");
        assertThat(problems).extracting(ParseProblem::why).anyMatch(w -> w.contains("never terminated")).anyMatch(w -> w.contains("never closed"));
    }

    @Test
    void question_and_bang_methods_keep_their_suffix() {
        assertThat(lex("Gitlab.com? disable_ddl_transaction! a != b")).extracting(Token::text)
                .containsExactly("Gitlab", ".", "com?", "disable_ddl_transaction!", "a", "!=", "b");
    }
}
