package pdmbot.world;

import java.util.List;

/** Answers which deployment pipelines are running now (the production checks refuse to run beside one). */
public interface RunningDeployments {

    /** Every deployment in progress on any environment (gstg-cny, gstg, gprd-cny, gprd), oldest first. */
    List<RunningDeployment> running();
}
