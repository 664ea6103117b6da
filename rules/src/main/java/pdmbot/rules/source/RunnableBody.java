package pdmbot.rules.source;

/** The method Rails runs ({@code up} or {@code change}, or {@code none}) and how many statements it holds. */
public record RunnableBody(String method, int statements, int line) {
    public boolean isEmpty() {
        return statements == 0;
    }
}
