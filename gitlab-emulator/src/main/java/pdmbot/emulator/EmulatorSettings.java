package pdmbot.emulator;

import java.time.Duration;

/**
 * How the emulator runs: {@code webUrl} is the base of every {@code web_url} it answers (GitLab's external URL; empty: the emulator's own);
 * {@code pipelineStep} how long each pipeline transition and each job takes on the emulator's clock;
 * {@code diffMaxFiles}/{@code diffMaxLines} the compare limits past which {@code compare_timeout} is true
 * (GitLab's {@code diff_max_files} 1,000 and {@code diff_max_lines} 50,000 application settings).
 */
public record EmulatorSettings(String webUrl, Duration pipelineStep, int diffMaxFiles, int diffMaxLines) {

    public EmulatorSettings {
        if (pipelineStep.isNegative() || pipelineStep.isZero()) throw new IllegalArgumentException("pipelineStep must be positive");
        webUrl = webUrl.replaceAll("/+$", "");
    }

    public static EmulatorSettings defaults() {
        return new EmulatorSettings("", Duration.ofSeconds(5), 1000, 50_000);
    }

    public EmulatorSettings withPipelineStep(Duration step) {
        return new EmulatorSettings(webUrl, step, diffMaxFiles, diffMaxLines);
    }

    public EmulatorSettings withDiffLimits(int files, int lines) {
        return new EmulatorSettings(webUrl, pipelineStep, files, lines);
    }

    public EmulatorSettings withWebUrl(String url) {
        return new EmulatorSettings(url, pipelineStep, diffMaxFiles, diffMaxLines);
    }
}
