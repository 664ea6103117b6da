package pdmbot.rules.decide;

/** How a reason weighs on a group's decision: it allows it now, holds it back for now, blocks it, or only notes. */
public enum Effect {
    ALLOW, HOLD, BLOCK, NOTE
}
