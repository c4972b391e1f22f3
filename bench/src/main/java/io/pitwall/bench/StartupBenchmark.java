package io.pitwall.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JavaFX start-up to first frame, each invocation a new JVM: Pitwall's real launcher against a
 * hello-world window, measured in the same run so the ratio holds on a noisy machine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class StartupBenchmark {

    private Process probed;

    @Benchmark
    public void helloWorldFirstFrame() throws Exception {
        probed = FirstFrameProbe.startAndAwaitFirstFrame(HelloWorldWindow.Launcher.class.getName(), List.of());
    }

    @Benchmark
    public void pitwallFirstFrame() throws Exception {
        probed = FirstFrameProbe.startAndAwaitFirstFrame("io.pitwall.app.Main", List.of());
    }

    /** The window's exit is not part of the figure. */
    @TearDown(Level.Invocation)
    public void reap() throws Exception {
        if (probed != null) {
            FirstFrameProbe.reap(probed);
            probed = null;
        }
    }
}
