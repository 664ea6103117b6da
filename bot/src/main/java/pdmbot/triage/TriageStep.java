package pdmbot.triage;

import java.util.List;
import java.util.Optional;

/** The questions of a triage, in the runbook's order, with the answers each takes ({@code *}: free text). */
enum TriageStep {
    SUPPORT("support", "Request support", List.of("request"), false),
    RETRY("retry", "Is a retry safe?", List.of("yes", "no", "dont-know"), true),
    BLOCK("block", "Block deploys?", List.of("yes", "no"), true),
    MITIGATION("mitigation", "Mitigation", List.of("ddl", "dml"), true),
    INCIDENT("incident", "Open an incident", List.of("2", "3", "4"), true),
    HAND_OVER("hand-over", "Hand over", List.of("*"), true),
    SNOOZE("snooze", "Snooze reminders", List.of("*"), true),
    CLOSE("close", "Close", List.of("done"), true);

    private final String id;
    private final String question;
    private final List<String> answers;
    private final boolean releaseManagersOnly;

    TriageStep(String id, String question, List<String> answers, boolean releaseManagersOnly) {
        this.id = id;
        this.question = question;
        this.answers = answers;
        this.releaseManagersOnly = releaseManagersOnly;
    }

    String id() {
        return id;
    }

    String question() {
        return question;
    }

    List<String> answers() {
        return answers;
    }

    boolean isDecision() {
        return releaseManagersOnly;
    }

    /** Whether it is answered once (a question) rather than again and again (snooze). */
    boolean isAnsweredOnce() {
        return this != SNOOZE;
    }

    boolean accepts(String value) {
        return answers.contains("*") ? value != null && !value.isBlank() : answers.contains(value);
    }

    static Optional<TriageStep> byId(String id) {
        for (TriageStep s : values()) if (s.id.equalsIgnoreCase(id)) return Optional.of(s);
        return Optional.empty();
    }

    static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(TriageStep::id).toList());
    }
}
