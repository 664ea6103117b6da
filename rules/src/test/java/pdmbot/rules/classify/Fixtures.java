package pdmbot.rules.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test fixtures from {@code src/test/resources}. */
final class Fixtures {

    private Fixtures() {}

    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static byte[] migration(String fileName) {
        return bytes("migrations/" + fileName);
    }

    /** One classifier for every test class: compiling rules takes a second. */
    static final Classifier CLASSIFIER = new Classifier(RuleBook.builtIn(), TableSizes.defaults());
}
