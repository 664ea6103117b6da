package pdmbot.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads secrets from the environment or from secret files; never from the configuration itself. */
public final class Secrets {

    private final Map<String, String> environment;

    public Secrets(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The secret in the file {@code file} when given, else in the environment variable {@code variable}.
     * The value is trimmed; the message of a failure names where it looked, never the value.
     */
    public Optional<String> read(String variable, String file) {
        if (file != null && !file.isBlank()) {
            try {
                return Optional.of(Files.readString(Path.of(file)).trim()).filter(s -> !s.isEmpty());
            } catch (IOException e) {
                throw new InvalidConfigurationException("cannot read the secret file " + file + ": "
                        + e.getClass().getSimpleName());
            }
        }
        if (variable == null || variable.isBlank()) return Optional.empty();
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            String fromFile = environment.get(variable + "_FILE");
            if (fromFile != null && !fromFile.isBlank()) return read(null, fromFile);
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** Like {@link #read} but a missing secret is an error saying which variable or file to set. */
    public String require(String variable, String file, String purpose) {
        return read(variable, file).orElseThrow(() -> new InvalidConfigurationException(
                purpose + " needs a secret: set the environment variable " + variable
                        + " (or " + variable + "_FILE naming a file that holds it)"));
    }
}
