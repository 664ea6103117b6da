package pdmbot.world;

/** Posts notes on the current monthly release issue. */
public interface ReleaseNotes {

    /** Posts a Markdown note and returns where it can be read (a URL, or a local description). */
    String post(String markdown);
}
