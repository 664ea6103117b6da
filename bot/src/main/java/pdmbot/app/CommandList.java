package pdmbot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pdmbot.chat.Command;
import pdmbot.chat.HelpCommand;
import pdmbot.chat.Router;
import pdmbot.classification.Classifications;
import pdmbot.classification.MigrationExplainCommand;
import pdmbot.classification.RulesListCommand;
import pdmbot.classification.RulesReloadCommand;
import pdmbot.ledger.AutoDeployStatusCommand;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.MigrationPackageCommand;
import pdmbot.ledger.MigrationStatusCommand;
import pdmbot.ledger.PackageMigrationsCommand;
import pdmbot.pending.PendingView;
import pdmbot.promote.DeployCommand;
import pdmbot.promote.DeployStatusCommand;
import pdmbot.promote.Promotions;
import pdmbot.run.ExecuteCommand;
import pdmbot.run.LockCommand;
import pdmbot.run.RetryCommand;
import pdmbot.run.RunCommand;
import pdmbot.run.RunService;
import pdmbot.run.RunsCommand;
import pdmbot.run.StatusCommand;
import pdmbot.run.UnlockCommand;
import pdmbot.storage.Stores;

/**
 * Every chat command of the bot, written once, in the order {@code help} lists them. Adding a command is one line
 * here (see CONTRIBUTING.md).
 */
final class CommandList {

    private CommandList() {
    }

    static List<Command> all(Supplier<Router> router, Ledger ledger, ClassifiedNatures natures,
                             Classifications classifications, RunService runs, Worlds.Opened world, Stores stores,
                             DecideWiring.Decide decide, List<Command> scheduleCommands, Promotions promotions,
                             PendingView pending, Supplier<pdmbot.decide.RunDecider.Schedule> weekAhead) {
        List<Command> commands = new ArrayList<>(List.of(
                new HelpCommand(router),
                new MigrationExplainCommand(ledger, natures, new pdmbot.decide.DecisionLines(decide.decider())),
                new MigrationStatusCommand(ledger, natures, stores.runs()),
                new MigrationPackageCommand(ledger),
                new PackageMigrationsCommand(ledger, natures),
                new AutoDeployStatusCommand(ledger, natures),
                new RulesListCommand(classifications),
                new RulesReloadCommand(classifications),
                new ExecuteCommand(runs, natures, new pdmbot.decide.OnlySubset(decide.decider())),
                new RetryCommand(runs),
                new StatusCommand(runs, PendingWiring.forStatus(pending, natures), stores.locks(),
                        new pdmbot.decide.DecisionLines(decide.decider(), weekAhead)),
                new RunsCommand(runs),
                new RunCommand(runs),
                new LockCommand(stores.locks()),
                new UnlockCommand(stores.locks()),
                new DeployCommand(promotions),
                new DeployStatusCommand(promotions, stores.promotions())));
        commands.addAll(decide.commands());
        commands.addAll(scheduleCommands);
        commands.addAll(RunWiring.demoCommands(world, stores, classifications, natures));
        return commands;
    }
}
