package pdmbot.chat;

import java.util.List;
import java.util.Objects;

/** The content kinds a {@link Reply} is made of; every adapter renders each of them. */
public sealed interface Block {

    /** A title line. */
    record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph. */
    record Text(String text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Label/value pairs, shown side by side where the platform can. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** Rows under headers; every row has as many cells as there are headers. */
    record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
            for (List<String> row : rows)
                if (row.size() != headers.size())
                    throw new IllegalArgumentException("row has " + row.size() + " cells, headers " + headers.size());
        }
    }

    /** A bulleted list. */
    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * Buttons. Each carries the command words a click runs, with the clicker's identity; adapters
     * keep those words server-side behind an opaque id.
     */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    record Button(String label, String command, Style style, String confirmation) {
        public enum Style { DEFAULT, PRIMARY, DANGER }

        public Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(command, "command");
            if (style == null) style = Style.DEFAULT;
        }

        public static Button of(String label, String command) {
            return new Button(label, command, Style.DEFAULT, null);
        }
    }

    /** A small footer line: sources, correlation ids, timings. */
    record Note(String text) implements Block {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }
}
