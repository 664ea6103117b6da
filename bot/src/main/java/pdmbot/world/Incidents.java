package pdmbot.world;

import java.util.List;

/** Answers which incidents are active (open and not yet resolved) in production. */
public interface Incidents {

    /** Active incidents, every severity, oldest first; resolved or closed ones are not listed. */
    List<Incident> activeIncidents();
}
