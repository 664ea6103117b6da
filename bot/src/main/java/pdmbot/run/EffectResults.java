package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import pdmbot.domain.Environment;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.PipelineHandle;

/** How results of side effects are kept in the store as text, and read back after a restart. */
final class EffectResults {

    private static final String SEPARATOR = "\t";

    private EffectResults() {
    }

    static String of(DeploymentRecord d) {
        return String.join(SEPARATOR, d.project().name(), d.environment().id(), d.id(), d.packageVersion(), d.url());
    }

    static DeploymentRecord deployment(String stored) {
        String[] f = split(stored, 5);
        return new DeploymentRecord(DeploymentProject.valueOf(f[0]), Environment.byId(f[1]).orElseThrow(), f[2], f[3], f[4]);
    }

    static String of(PipelineHandle p) {
        return p.id() + SEPARATOR + p.url();
    }

    static PipelineHandle pipeline(String stored) {
        String[] f = split(stored, 2);
        return new PipelineHandle(f[0], f[1]);
    }

    private static String[] split(String stored, int fields) {
        String[] parts = stored.split(SEPARATOR, -1);
        if (parts.length != fields) throw new IllegalStateException("a stored effect result has " + parts.length
                + " fields, expected " + fields + ": " + stored);
        return parts;
    }

    /** One line per item, fields separated by a space. */
    static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    static List<String> lines(String stored) {
        List<String> lines = new ArrayList<>();
        for (String line : stored.split("\n")) if (!line.isBlank()) lines.add(line);
        return lines;
    }
}
