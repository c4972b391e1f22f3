package io.pitwall.app.cli;

import io.pitwall.app.workspace.Settings;
import io.pitwall.app.workspace.UserFiles;
import io.pitwall.app.workspace.Workbench;
import io.pitwall.app.demo.DemoIncident;
import io.pitwall.connectors.session.FileSessions;
import io.pitwall.connectors.session.Session;
import io.pitwall.themes.Theme;
import io.pitwall.ui.workspace.PaneId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pitwall render [FILE] --out PNG [--size WxH] [--pane ID] [--theme T]}: draws the
 * workspace, or one pane, headless into a PNG and exits. For incident reports and for tests.
 */
@Command(name = "render", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Render the workspace, or one pane, to a PNG without a display.")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "an incident bundle or kubectl -o json file to render (default: the demo incident)")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "where to write the PNG")
    Path out;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1600x1000",
            description = "image size in pixels (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--pane", paramLabel = "ID", description = "render only this pane: ${COMPLETION-CANDIDATES}",
            completionCandidates = PaneIds.class)
    String pane;

    @Option(names = "--theme", paramLabel = "T", defaultValue = "dark",
            description = "dark, light or high-contrast (default: ${DEFAULT-VALUE})")
    String theme;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Pane ids for the help text and shell completion. */
    static final class PaneIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(PaneId.values()).map(PaneId::id).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        int[] wh = parseSize(size);
        HeadlessFx.screenAtLeast(wh[0], wh[1]);
        Theme t = Theme.byId(theme).orElseThrow(() -> bad("unknown theme '" + theme + "': use dark, light or high-contrast"));
        PaneId only = pane == null ? null : PaneId.byId(pane).orElseThrow(() -> bad("unknown pane '" + pane + "': use "
                + Arrays.stream(PaneId.values()).map(PaneId::id).collect(Collectors.joining(", "))));
        if (file != null && !Files.isRegularFile(file)) {
            throw bad("no such file: " + file);
        }
        Path target = out.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw bad("the folder of --out does not exist: " + target.getParent());
        }
        Path scratch = Files.createTempDirectory("pitwall-render");
        Session session;
        try {
            session = FileSessions.open(file != null ? file : DemoIncident.extractTo(scratch));
        } catch (java.io.IOException e) {
            deleteQuietly(scratch);
            throw bad(e.getMessage());
        }
        try {
            // first build the workspace; the views it fills through Platform.runLater (layouts,
            // theme colours) have run by the time the second call takes the picture
            Object[] built = HeadlessFx.call(() -> {
                UserFiles files = UserFiles.in(scratch, Runnable::run);
                Workbench bench = new Workbench(files, Settings.defaults(), Optional.empty(), Clock.systemDefaultZone(),
                        Runnable::run, context -> { throw new IllegalStateException("render connects to no cluster"); });
                javafx.scene.Scene scene = bench.createScene(wh[0], wh[1]);
                t.apply(scene);
                bench.showSession(session);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return new Object[] {bench, scene};
            }, 60, TimeUnit.SECONDS);
            Workbench bench = (Workbench) built[0];
            javafx.scene.Scene scene = (javafx.scene.Scene) built[1];
            try {
                bench.metricsLoaded().get(30, TimeUnit.SECONDS); // graphs and alerts, read off the FX thread
                HeadlessFx.call(bench::logsLoaded, 60, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS); // and log lines
                HeadlessFx.call(bench::securityTracesAndTimelineLoaded, 60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS); // findings, traces
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the panes say what went wrong; the picture shows it
            }
            HeadlessFx.call(() -> null, 60, TimeUnit.SECONDS); // their hand-over to the views has run
            javafx.scene.Scene alone = only == null ? null : HeadlessFx.call(() -> {
                // the pane alone, at the requested size, showing what the workspace's pane shows
                javafx.scene.Scene s = new javafx.scene.Scene(bench.detachedPane(only), wh[0], wh[1]);
                t.apply(s);
                s.getRoot().applyCss();
                s.getRoot().layout();
                return s;
            }, 60, TimeUnit.SECONDS);
            // on a (headless) stage, so that canvases drawn after layout, as charts are, get their pulses
            javafx.scene.Scene shown = alone == null ? scene : alone;
            javafx.stage.Stage stage = HeadlessFx.call(() -> {
                javafx.stage.Stage s = new javafx.stage.Stage();
                s.setScene(shown);
                s.show();
                return s;
            }, 60, TimeUnit.SECONDS);
            Thread.sleep(400);
            byte[] png = HeadlessFx.call(() -> {
                byte[] image = HeadlessFx.snapshot(shown);
                stage.hide();
                bench.stop();
                return image;
            }, 60, TimeUnit.SECONDS);
            Files.write(target, png);
        } finally {
            session.close();
            deleteQuietly(scratch);
        }
        spec.commandLine().getOut().println("wrote " + target + " (" + wh[0] + "x" + wh[1]
                + (only == null ? "" : ", pane " + only.id()) + ", theme " + t.id() + ")");
        return 0;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private int[] parseSize(String s) {
        String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 200 && h >= 150 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw bad("--size must be WIDTHxHEIGHT between 200x150 and 8192x8192, not '" + s + "'");
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

}
