package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral answer: an outcome and blocks of content. Adapters render it (console text,
 * Slack Block Kit, Discord embeds). Text may use {@code *bold*} and {@code `code`} marks.
 */
public record Reply(Outcome outcome, List<Block> blocks, boolean ephemeral) {

    /** OK answers exit 0 from {@code say}; REFUSED (bad input, not permitted, a check failed) and FAILED exit 1. */
    public enum Outcome { OK, REFUSED, FAILED }

    public Reply {
        Objects.requireNonNull(outcome, "outcome");
        blocks = List.copyOf(blocks);
    }

    public static Reply ok(String text) {
        return builder().text(text).build();
    }

    public static Reply refused(String text) {
        return builder(Outcome.REFUSED).text(text).ephemeral().build();
    }

    public static Reply failed(String text) {
        return builder(Outcome.FAILED).text(text).build();
    }

    public static Builder builder() {
        return new Builder(Outcome.OK);
    }

    public static Builder builder(Outcome outcome) {
        return new Builder(outcome);
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /** All text of the reply, plain, for logs, tests and search. */
    public String plainText() {
        return PlainText.render(this);
    }

    /** Builds a reply block by block. */
    public static final class Builder {
        private Outcome outcome;
        private final List<Block> blocks = new ArrayList<>();
        private boolean ephemeral;

        private Builder(Outcome outcome) {
            this.outcome = outcome;
        }

        public Builder outcome(Outcome value) {
            this.outcome = value;
            return this;
        }

        public Builder heading(String text) {
            blocks.add(new Block.Heading(text));
            return this;
        }

        public Builder text(String text) {
            blocks.add(new Block.Text(text));
            return this;
        }

        public Builder fields(List<Block.Field> fields) {
            blocks.add(new Block.Fields(fields));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows) {
            blocks.add(new Block.Table(headers, rows));
            return this;
        }

        public Builder bullets(List<String> items) {
            blocks.add(new Block.Bullets(items));
            return this;
        }

        public Builder buttons(List<Block.Button> buttons) {
            blocks.add(new Block.Buttons(buttons));
            return this;
        }

        public Builder note(String text) {
            blocks.add(new Block.Note(text));
            return this;
        }

        public Builder block(Block block) {
            blocks.add(block);
            return this;
        }

        public Builder ephemeral() {
            this.ephemeral = true;
            return this;
        }

        public Reply build() {
            return new Reply(outcome, blocks, ephemeral);
        }
    }
}
