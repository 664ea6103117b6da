package pdmbot.world.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * {@code state.json}, held in memory and written through on every change: a temp file beside it, then a move
 * over it, so a crash leaves either the old or the new state. One lock guards reads and writes.
 */
final class DemoStateFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Path file;
    private DemoState state;

    private DemoStateFile(Path file, DemoState state) {
        this.file = file;
        this.state = state;
    }

    /** Reads the file; throws {@link UnableToOpenDemoWorldException} when it is missing or unreadable. */
    static DemoStateFile load(Path file) {
        if (!Files.isRegularFile(file))
            throw new UnableToOpenDemoWorldException(file + " is missing; the demo world is incomplete");
        DemoState state;
        try {
            state = MAPPER.readValue(file.toFile(), DemoState.class);
        } catch (IOException | RuntimeException e) {
            throw new UnableToOpenDemoWorldException(file + " cannot be read as demo state: " + e.getMessage(), e);
        }
        if (state == null || state.deployments() == null)
            throw new UnableToOpenDemoWorldException(file + " holds no demo state");
        String problem = state.problem();
        if (problem != null) throw new UnableToOpenDemoWorldException(file + " is damaged: " + problem);
        return new DemoStateFile(file, state);
    }

    static void write(Path file, DemoState state) {
        try {
            AtomicFiles.replace(file, MAPPER.writeValueAsBytes(state), "the demo state");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnableToSaveDemoStateException("cannot write the demo state as JSON: " + e.getMessage(), e);
        }
    }

    synchronized DemoState read() {
        return state;
    }

    /** Applies a change and saves it; the in-memory state changes only once the file is written. */
    synchronized DemoState update(UnaryOperator<DemoState> change) {
        DemoState changed = change.apply(state);
        if (changed != state) {
            write(file, changed);
            state = changed;
        }
        return state;
    }

    Path path() {
        return file;
    }
}
