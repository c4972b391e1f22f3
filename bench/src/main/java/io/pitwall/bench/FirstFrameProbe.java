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
        return startAndAwaitFirstFrame(mainClass, args, List.of());
    }

    /**
     * Runs {@code mainClass} once to its first frame and writes the classes it loaded into an
     * AOT cache at {@code aot}, as {@code ./pitwall} does once per build.
     */
    static void trainAotCache(String mainClass, Path aot) throws IOException, InterruptedException {
        reap(startAndAwaitFirstFrame(mainClass, List.of(), List.of("-XX:AOTCacheOutput=" + aot)));
        if (!Files.isRegularFile(aot)) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + aot);
        }
    }

    /** The JVM options that start with the AOT cache at {@code aot}. */
    static List<String> withAotCache(Path aot) {
        return List.of("-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off");
    }

    static Process startAndAwaitFirstFrame(String mainClass, List<String> args, List<String> jvmOptions)
            throws IOException {
        Path home = Files.createTempDirectory("pitwall-bench-home");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dpitwall.exitAfterFirstFrame=true");
        cmd.add("-Dpitwall.config.home=" + home.resolve("config"));
        cmd.add("-Dpitwall.state.home=" + home.resolve("state"));
        cmd.add("-Dprism.order=sw");
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Djava.awt.headless=true"));
        }
        cmd.add("-cp");
        // Pitwall runs from its jars alone, as the launcher runs it (AOT caches take jars only)
        cmd.add(mainClass.startsWith("io.pitwall.app.") ? jarsOnly(System.getProperty("java.class.path"))
                : System.getProperty("java.class.path"));
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

    private static String jarsOnly(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(e -> e.endsWith(".jar"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
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
