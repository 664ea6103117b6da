package pdmbot.storage.runs;


/**
 * A step as a run stores it when it starts: its stable id (shown and used to find it again), what it does and where
 * ({@code target} is an environment id, or empty for steps that act on no single environment).
 */
public record StepSpec(String id, String kind, String target) {

    public StepSpec {
        if (id == null || id.isBlank() || id.length() > 32) throw new IllegalArgumentException("a step id has 1 to 32 characters: " + id);
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("a step needs a kind: " + id);
        if (target == null) target = "";
    }
}
