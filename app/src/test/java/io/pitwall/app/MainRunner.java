package io.pitwall.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs Pitwall's command line in-process, as tests of the CLI verbs need; the GUI never opens. */
public final class MainRunner {

    public record Result(int code, String out, String err) {
    }

    private MainRunner() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), request -> {
            throw new AssertionError("the GUI must not open for " + String.join(" ", args));
        });
        return new Result(code, out.toString(), err.toString());
    }
}
