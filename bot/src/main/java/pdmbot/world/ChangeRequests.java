package pdmbot.world;

import java.util.List;

/** Answers which production change requests matter now. */
public interface ChangeRequests {

    /** Open change requests that are in progress or labelled as blocking deployments, oldest first. */
    List<ChangeRequest> activeChangeRequests();
}
