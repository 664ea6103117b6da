package pdmbot.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A triage as its dialogue keeps it (the JSON text of its {@code dialogues} row): the facts it opened with, the
 * advice, every answer with who and when (its timeline), and what it did (incident, hand-over, locks, reminders).
 * Instants are ISO-8601 text, so that the JSON needs no Jackson module.
 */
record TriageState(long runId, String environment, String failure, String stepId, TriageFacts facts, List<Answer> answers,
                   String incident, String handedTo, List<String> lockedByTriage, String remindAt, String closedBecause) {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One answer: the step, the value, who gave it and when (ISO-8601), and what the bot did about it. */
    record Answer(String step, String value, String by, String at, String outcome) {
    }

    TriageState {
        answers = answers == null ? List.of() : List.copyOf(answers);
        lockedByTriage = lockedByTriage == null ? List.of() : List.copyOf(lockedByTriage);
        if (incident == null) incident = "";
        if (handedTo == null) handedTo = "";
        if (remindAt == null) remindAt = "";
        if (closedBecause == null) closedBecause = "";
    }

    Optional<Answer> answerTo(TriageStep step) {
        Answer last = null;
        for (Answer a : answers) if (a.step().equals(step.id())) last = a;
        return Optional.ofNullable(last);
    }

    TriageState with(Answer answer) {
        List<Answer> all = new ArrayList<>(answers);
        all.add(answer);
        return new TriageState(runId, environment, failure, stepId, facts, all, incident, handedTo, lockedByTriage, remindAt,
                closedBecause);
    }

    TriageState withIncident(String value) {
        return new TriageState(runId, environment, failure, stepId, facts, answers, value, handedTo, lockedByTriage, remindAt,
                closedBecause);
    }

    TriageState withHandedTo(String value) {
        return new TriageState(runId, environment, failure, stepId, facts, answers, incident, value, lockedByTriage, remindAt,
                closedBecause);
    }

    TriageState withLocked(List<String> value) {
        return new TriageState(runId, environment, failure, stepId, facts, answers, incident, handedTo, value, remindAt,
                closedBecause);
    }

    TriageState withRemindAt(String value) {
        return new TriageState(runId, environment, failure, stepId, facts, answers, incident, handedTo, lockedByTriage, value,
                closedBecause);
    }

    TriageState closed(String because) {
        return new TriageState(runId, environment, failure, stepId, facts, answers, incident, handedTo, lockedByTriage, "",
                because);
    }

    boolean isClosed() {
        return !closedBecause.isEmpty();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UnableToKeepTriageException("write the triage of run #" + runId, e);
        }
    }

    static TriageState fromJson(String json) {
        try {
            return JSON.readValue(json, TriageState.class);
        } catch (JsonProcessingException e) {
            throw new UnableToKeepTriageException("read a triage's state", e);
        }
    }
}
