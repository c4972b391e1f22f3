package io.pitwall.app.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pitwall ARGS} in a JVM of its own ({@code io.pitwall.app.Main}: the real picocli wiring,
 * exit code and streams), with a HOME, config folder and KUBECONFIG of the test's; its class
 * loading is logged to {@code classes.log} in the test's folder.
 */
final class PitwallProcess {

    /** What the command answered. */
    record Cli(int code, String out, String err) {

        /** All of it, for assertion messages. */
        String said() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private PitwallProcess() {
    }

    static Cli run(Path tmp, Path home, Path config, Path kubeconfig, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + home, "-Xlog:class+load=info:file=" + tmp.resolve("classes.log"),
                "io.pitwall.app.Main"));
        command.addAll(List.of(args));
        Path in = tmp.resolve("in.txt");
        if (!Files.exists(in)) {
            Files.createFile(in);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pitwall " + String.join(" ", args) + " did not end within 180 s; stderr:\n"
                    + Files.readString(tmp.resolve("err.txt")));
        }
        return new Cli(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }
}
