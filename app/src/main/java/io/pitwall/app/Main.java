package io.pitwall.app;

import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The launcher: a plain class, so JavaFX on the class path starts without a module path. It
 * parses the command line and either answers (version, help, the CLI verbs) or opens the GUI.
 */
public final class Main {

    /** JavaFX warns that it runs from the class path; that is how Pitwall ships, on purpose. */
    private static final java.util.logging.Logger FX_LAUNCH_LOG =
            java.util.logging.Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        AppDirs dirs = AppDirs.forCurrentUser();
        // before the first logger: logback.xml writes the rolling file there
        System.setProperty("pitwall.log.dir", dirs.logs().toString());
        FX_LAUNCH_LOG.setLevel(java.util.logging.Level.SEVERE);
        // configure logging while the FX toolkit starts, instead of on the FX thread after it
        Thread.ofPlatform().daemon().name("pitwall-warmup").start(LoggerFactory::getILoggerFactory);
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                PitwallApp::launch);
        System.exit(code);
    }

    /** Runs the command line; every failure is one clear line on {@code err} and an exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, PitwallCommand.Gui gui) {
        CommandLine cmd = commandLine(gui);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, badArgs) -> {
            err.println("pitwall: " + ex.getMessage() + " (see pitwall --help)");
            return 2;
        });
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> {
            LoggerFactory.getLogger("pitwall.cli.failures").error("{} failed", command.getCommandName(), ex);
            err.println("pitwall: " + messageOf(ex));
            return 1;
        });
        return cmd.execute(args);
    }

    /** Parses the arguments that {@link LaunchRequest#toArgs()} made, back into the request. */
    static LaunchRequest parseLaunchRequest(java.util.List<String> args) {
        PitwallCommand command = new PitwallCommand(request -> 0);
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.request();
    }

    static CommandLine commandLine(PitwallCommand.Gui gui) {
        return new CommandLine(new PitwallCommand(gui));
    }

    private static String messageOf(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
