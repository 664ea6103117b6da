package pdmbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 9: the configuration is one record of section records, each in its own file, changed with withX. */
class BotConfigSectionsTest {

    @Test
    void every_section_has_a_with_method_that_changes_that_section_only() throws Exception {
        BotConfig defaults = BotConfig.defaults();
        BotConfig other = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), java.util.Map.of());
        for (RecordComponent component : BotConfig.class.getRecordComponents()) {
            String name = component.getName();
            Method with = BotConfig.class.getMethod("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    component.getType());
            Object value = name.equals("data") ? "elsewhere" : component.getAccessor().invoke(other);
            BotConfig changed = (BotConfig) with.invoke(defaults, value);
            for (RecordComponent c : BotConfig.class.getRecordComponents())
                assertThat(c.getAccessor().invoke(changed)).as("%s after with%s", c.getName(), name)
                        .isEqualTo(c.getName().equals(name) ? value : c.getAccessor().invoke(defaults));
        }
    }

    @Test
    void each_section_is_a_top_level_record_in_its_own_file_and_no_config_file_is_over_300_lines() throws Exception {
        for (RecordComponent component : BotConfig.class.getRecordComponents()) {
            if (component.getType() == String.class) continue;
            assertThat(component.getType().isRecord()).as(component.getName()).isTrue();
            assertThat(component.getType().getEnclosingClass()).as(component.getName()).isNull();
        }
        try (var files = Files.list(Path.of("src", "main", "java", "pdmbot", "config"))) {
            for (Path file : (Iterable<Path>) files::iterator)
                assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(300);
        }
        assertThat(List.of(BotConfig.class.getConstructors())).as("one constructor: the canonical one").hasSize(1);
    }
}
