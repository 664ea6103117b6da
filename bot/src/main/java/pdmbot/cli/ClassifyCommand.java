package pdmbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.rules.classify.Classifier;
import pdmbot.rules.classify.ClassifyTool;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;
import pdmbot.rules.classify.UnableToCompileRulesException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code classify <file|dir>...}: the nature of migration files, without a store or a world. */
@Command(name = "classify", description = "Classify post-deploy migration files (directories are walked for *.rb). "
        + "Exit 0 when every path was read, 2 when one could not be.")
final class ClassifyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "<file|dir>")
    List<String> paths;

    @Option(names = "--format", defaultValue = "table", description = "table, tsv or json (default: ${DEFAULT-VALUE}). "
            + "tsv: path, version, dominant, natures, databases, reasons (rule@line;…)")
    String format;

    @Override
    public Integer call() {
        BotConfig config = main.launch().configuration();
        String folder = config.rules().folder();
        TableSizes sizes = TableSizes.defaults();
        String sizesFile = config.rules().tableSizes();
        if (sizesFile != null && !sizesFile.isBlank()) {
            try {
                sizes = TableSizes.parse(Files.readString(Path.of(sizesFile)));
            } catch (IOException e) {
                throw new InvalidConfigurationException("cannot read rules.table-sizes " + sizesFile);
            }
        }
        TableSizes tableSizes = sizes;
        // The rules compile on another thread while the files are read and parsed.
        CompletableFuture<Classifier> classifier = CompletableFuture.supplyAsync(() -> new Classifier(
                folder == null || folder.isBlank() ? RuleBook.builtIn() : RuleBook.withExtras(Path.of(folder)), tableSizes));
        int exit;
        try {
            exit = new ClassifyTool(classifier::join).classify(paths, format, System.out, System.err);
        } catch (CompletionException e) {
            // All or nothing, as at the bot's start: a rules folder with a file that does not compile classifies nothing.
            if (e.getCause() instanceof UnableToCompileRulesException rules)
                throw new InvalidConfigurationException("rules.folder: " + rules.getMessage(), rules);
            throw e;
        }
        System.out.flush();
        return exit;
    }
}
