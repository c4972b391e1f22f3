package io.pitwall.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pitwall [--context NAME] [FILE...]}: opens the GUI. The CLI's verbs hang below it. */
@Command(name = "pitwall",
        mixinStandardHelpOptions = true,
        subcommands = {io.pitwall.app.cli.CaptureCommand.class, io.pitwall.app.cli.InspectCommand.class,
            io.pitwall.app.cli.RenderCommand.class},
        versionProvider = PitwallCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A desktop console for on-call engineers who run Kubernetes: topology, metrics, logs,",
            "traces and security events side by side, live or from an incident bundle.",
            "With no kubeconfig, Pitwall opens its demo incident."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failed (the message says why); capture: failed or cancelled, no bundle written",
            "2:bad arguments or unreadable files",
            "3:capture: partial, the bundle was written with problems"
        })
public final class PitwallCommand implements Callable<Integer> {

    /** Starts the GUI; returns the process exit code when the window closes. */
    @FunctionalInterface
    public interface Gui {
        int launch(LaunchRequest request);
    }

    @Option(names = "--context", paramLabel = "NAME",
            description = "kubeconfig context to connect to (default: the current context)")
    String context;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "files to open: incident bundles (.pitwall), kubectl get -o json output")
    List<Path> files = new ArrayList<>();

    private final Gui gui;

    PitwallCommand(Gui gui) {
        this.gui = gui;
    }

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "no such file: " + f);
            }
            if (!Files.isReadable(f)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "cannot read file: " + f);
            }
        }
        return gui.launch(request());
    }

    LaunchRequest request() {
        return new LaunchRequest(Optional.ofNullable(context), files);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {AppInfo.load().versionLine()};
        }
    }
}
