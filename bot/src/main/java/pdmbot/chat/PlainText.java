package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;

/** Renders a reply as plain monospace text: the console's format, and the text of logs and tests. */
public final class PlainText {

    private PlainText() {
    }

    public static String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Block block : reply.blocks()) {
            if (out.length() > 0) out.append('\n');
            if (block instanceof Block.Heading h) {
                out.append(h.text()).append('\n');
            } else if (block instanceof Block.Text t) {
                out.append(t.text()).append('\n');
            } else if (block instanceof Block.Fields f) {
                int width = f.fields().stream().mapToInt(x -> x.label().length()).max().orElse(0);
                for (Block.Field field : f.fields())
                    out.append(pad(field.label() + ":", width + 1)).append(' ').append(field.value()).append('\n');
            } else if (block instanceof Block.Table t) {
                out.append(table(t));
            } else if (block instanceof Block.Bullets b) {
                b.items().forEach(i -> out.append("  - ").append(i).append('\n'));
            } else if (block instanceof Block.Buttons b) {
                for (Block.Button button : b.buttons())
                    out.append("  [").append(button.label()).append("]  type: ").append(button.command()).append('\n');
            } else if (block instanceof Block.Note n) {
                out.append(n.text()).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    static String table(Block.Table t) {
        int columns = t.headers().size();
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(t.headers());
        all.addAll(t.rows());
        for (List<String> row : all)
            for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) line.append("  ");
                line.append(i == columns - 1 ? row.get(i) : pad(row.get(i), widths[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    if (i > 0) rule.append("  ");
                    rule.append("-".repeat(Math.max(1, widths[i])));
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
