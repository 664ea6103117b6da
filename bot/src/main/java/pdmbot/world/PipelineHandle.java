package pdmbot.world;

/**
 * A pipeline the world started: its id (what {@code status} takes back; stored by the run so a restarted bot
 * polls the same pipeline) and a link for people ({@code ""} when there is none).
 */
public record PipelineHandle(String id, String url) {

    public PipelineHandle {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("pipeline id is required");
        if (url == null) url = "";
    }
}
