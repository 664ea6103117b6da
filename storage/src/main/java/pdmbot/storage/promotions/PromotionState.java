package pdmbot.storage.promotions;

import java.util.Arrays;

/** Where a promotion is: its deploy pipeline runs, or it ended. */
public enum PromotionState {
    DEPLOYING, SUCCEEDED, FAILED;

    public String id() {
        return name().toLowerCase();
    }

    static PromotionState of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a promotion state the schema does not allow: " + id));
    }
}
