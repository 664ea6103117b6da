package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.chat.Announcements;
import pdmbot.config.BotConfig;
import pdmbot.config.DeployConfig;
import pdmbot.domain.Environment;
import pdmbot.ledger.MigrationNatures;
import pdmbot.promote.PromotionChain;
import pdmbot.promote.RollbackLines;
import pdmbot.promote.Promotions;
import pdmbot.run.ConfiguredChangeLocks;
import pdmbot.run.RunService;
import pdmbot.storage.Stores;
import pdmbot.world.Ancestry;
import pdmbot.world.ChangeLock;
import pdmbot.world.DeployPipelines;
import pdmbot.world.local.LocalDeployPipelines;
import pdmbot.world.git.GitPackageSource;
import pdmbot.world.gitlab.GitLabDeployPipelines;
import pdmbot.world.gitlab.GitLabPackageSource;
import pdmbot.world.gitlab.GitLabPipelineRunner;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;

/** Builds the promotion feature (issue 16) from {@code deploy} in the configuration, the store and the world. */
final class PromotionWiring {

    private PromotionWiring() {
    }

    static Promotions promotions(BotConfig config, Stores stores, Worlds.Opened world, Announcements announcements,
                                 MigrationNatures natures, RunService runs, RollbackLines rollbackLines,
                                 Clock clock) {
        PromotionChain chain = chain(config.deploy());
        List<ChangeLock> windows = config.run().changeLocks().stream()
                .map(w -> new ChangeLock(w.name(), w.fromInstant(), w.untilInstant(), w.reason())).toList();
        return Promotions.wire(new Promotions.Wiring(chain, world.world(), world.operations(), ancestry(world),
                pipelines(config, world, clock), new ConfiguredChangeLocks(windows), stores.locks(), stores.promotions(),
                natures, () -> runs.active().map(r -> "PDM run #" + r.id() + " (" + r.state().id() + ")"), announcements,
                rollbackLines, clock));
    }

    static PromotionChain chain(DeployConfig deploy) {
        return new PromotionChain(deploy.chain().stream().map(e -> new PromotionChain.Step(e.environment(), e.production(),
                pdmEnvironment(e))).toList());
    }

    /** Configured, else the PDM environment of the same name or of the canary's (gstg-cny → gstg); {@code none}: none. */
    private static Optional<Environment> pdmEnvironment(DeployConfig.Environment e) {
        if ("none".equals(e.pdmEnvironment())) return Optional.empty();
        if (e.pdmEnvironment() != null) return Environment.byId(e.pdmEnvironment());
        return Environment.byId(e.environment().replaceFirst("-cny$", "")).filter(Environment::hasPostDeployMigrations)
                .filter(x -> x.id().equals(e.environment().replaceFirst("-cny$", "")));
    }

    /** Where the packages come from answers how commits relate: the GitLab project, or the git repository. */
    private static Ancestry ancestry(Worlds.Opened world) {
        if (world.world().packages() instanceof GitLabPackageSource gitlab) return gitlab.ancestry();
        if (world.world().packages() instanceof GitPackageSource git) return git.ancestry();
        throw new IllegalStateException("a world without ancestry: " + world.world().description());
    }

    private static DeployPipelines pipelines(BotConfig config, Worlds.Opened world, Clock clock) {
        if (world.production() instanceof Worlds.Simulated simulated)
            return new LocalDeployPipelines(simulated.operations(), world.world().packages()::packageNamed, clock,
                    Duration.ofSeconds(config.deploy().demoSeconds()));
        // the demo's emulator has GitLab.com's deployer; a GitLab's is configured (world.gitlab.pdm-pipeline-project)
        GitLabWorld gitlab = world.gitlab().orElseThrow();
        GitLabSettings.Pipelines deployer = gitlab.settings().pipelines();
        Map<String, GitLabDeployPipelines.Pipeline> byEnvironment = new LinkedHashMap<>();
        for (DeployConfig.Environment e : config.deploy().chain())
            byEnvironment.put(e.environment(), new GitLabDeployPipelines.Pipeline(
                    e.pipelineProject() != null ? e.pipelineProject() : deployer.pdmProject(),
                    e.pipelineRef() != null ? e.pipelineRef() : deployer.pdmRef()));
        return ((GitLabPipelineRunner) world.operations().pipelines()).deployPipelines(byEnvironment);
    }
}
