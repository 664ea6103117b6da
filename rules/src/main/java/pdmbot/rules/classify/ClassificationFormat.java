package pdmbot.rules.classify;

import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.source.Declaration;
import pdmbot.rules.source.ParseProblem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders classifications for the command line: {@code table}, {@code tsv} (one line per file) or {@code json}. */
public enum ClassificationFormat {
    TABLE, TSV, JSON;

    public static Optional<ClassificationFormat> byName(String name) {
        if (name == null) return Optional.empty();
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String render(List<Classification> classifications) {
        return switch (this) {
            case TSV -> classifications.stream().map(ClassificationFormat::tsvLine).collect(Collectors.joining("\n", "", classifications.isEmpty() ? "" : "\n"));
            case JSON -> classifications.stream().map(ClassificationFormat::json).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
            case TABLE -> table(classifications);
        };
    }

    /** {@code <path>\t<version>\t<dominant>\t<natures>\t<databases>\t<reasons>}; reasons are {@code rule@line} joined by {@code ;}. */
    public static String tsvLine(Classification c) {
        String reasons = c.reasons().stream().map(r -> r.rule() + "@" + r.line()).collect(Collectors.joining(";"));
        return String.join("\t", field(c.path()), field(c.version().orElse("")), c.dominant().wireName(),
                natures(c), LogicalDatabase.format(c.databases().isEmpty() ? java.util.EnumSet.allOf(LogicalDatabase.class) : c.databases()),
                field(reasons));
    }

    private static String natures(Classification c) {
        return c.natures().stream().map(Nature::wireName).collect(Collectors.joining(","));
    }

    private static String field(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String table(List<Classification> cs) {
        StringBuilder sb = new StringBuilder();
        for (Classification c : cs) {
            sb.append(c.path()).append('\n');
            sb.append("  version    ").append(c.version().orElse("-")).append("   class ").append(c.className().isEmpty() ? "-" : c.className()).append('\n');
            sb.append("  dominant   ").append(c.dominant().wireName()).append("   natures ").append(natures(c)).append('\n');
            sb.append("  databases  ").append(c.databases().isEmpty() ? "-" : LogicalDatabase.format(c.databases())).append('\n');
            for (Reason r : c.reasons()) {
                sb.append("  ").append(String.format("%-18s", r.nature().wireName())).append(" line ").append(String.format("%-4d", r.line()))
                        .append(r.rule()).append(": ").append(r.detail()).append('\n');
            }
            for (Declaration d : c.facts()) sb.append("  fact       ").append(d.kind()).append(d.value().isEmpty() ? "" : " " + d.value()).append(" (line ").append(d.line()).append(")\n");
            for (ParseProblem p : c.problems()) sb.append("  problem    line ").append(p.line()).append(": ").append(p.why()).append('\n');
        }
        return sb.toString();
    }

    private static String json(Classification c) {
        StringBuilder sb = new StringBuilder("  {");
        sb.append("\"path\": ").append(q(c.path()));
        sb.append(", \"version\": ").append(c.version().map(ClassificationFormat::q).orElse("null"));
        sb.append(", \"class\": ").append(q(c.className()));
        sb.append(", \"dominant\": ").append(q(c.dominant().wireName()));
        sb.append(", \"natures\": ").append(c.natures().stream().map(n -> q(n.wireName())).collect(Collectors.joining(", ", "[", "]")));
        sb.append(", \"databases\": ").append(c.databases().stream().map(d -> q(d.id())).collect(Collectors.joining(", ", "[", "]")));
        sb.append(", \"reasons\": ").append(c.reasons().stream().map(r -> "{\"rule\": " + q(r.rule()) + ", \"nature\": " + q(r.nature().wireName())
                + ", \"line\": " + r.line() + ", \"detail\": " + q(r.detail()) + "}").collect(Collectors.joining(", ", "[", "]")));
        sb.append(", \"facts\": ").append(c.facts().stream().map(d -> "{\"kind\": " + q(d.kind()) + ", \"value\": " + q(d.value())
                + ", \"line\": " + d.line() + "}").collect(Collectors.joining(", ", "[", "]")));
        sb.append(", \"problems\": ").append(c.problems().stream().map(p -> "{\"line\": " + p.line() + ", \"why\": " + q(p.why()) + "}")
                .collect(Collectors.joining(", ", "[", "]")));
        sb.append(", \"sha256\": ").append(q(c.sha256()));
        return sb.append('}').toString();
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }
}
