package io.pitwall.bench;

import io.pitwall.app.FirstFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a JavaFX program in a fresh JVM and measures the wall time from process start to its
 * first painted frame (the {@link FirstFrame#MARKER} line), then lets it exit.
 */
final class FirstFrameProbe {

    private FirstFrameProbe() {
    }

    /** Spawns {@code mainClass} and returns once it has painted its first frame. */
    static Process startAndAwaitFirstFrame(String mainClass, List<String> args) throws IOException {
        Path home = Files.createTempDirectory("pitwall-bench-home");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dpitwall.exitAfterFirstFrame=true");
        cmd.add("-Dpitwall.config.home=" + home.resolve("config"));
        cmd.add("-Dpitwall.state.home=" + home.resolve("state"));
        cmd.add("-Dprism.order=sw");
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true"));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);

        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        // no cluster: Pitwall opens its demo incident, the same on every machine
        pb.environment().put("KUBECONFIG", home.resolve("no-kubeconfig").toString());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains(FirstFrame.MARKER)) {
                return p;
            }
        }
        throw new IllegalStateException(mainClass + " ended before its first frame");
    }

    /** Lets a probed process finish its exit (not timed). */
    static void reap(Process p) throws IOException, InterruptedException {
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("probed JavaFX program did not exit after its first frame");
        }
    }
}
