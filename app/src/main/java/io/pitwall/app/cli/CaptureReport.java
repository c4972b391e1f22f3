package io.pitwall.app.cli;

import io.pitwall.connectors.session.IncidentCapture;
import io.pitwall.connectors.session.IncidentCapture.Outcome;
import io.pitwall.connectors.session.IncidentCapture.Part;
import io.pitwall.connectors.session.Signal;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code pitwall capture} tells its user: progress on stderr (one line updated in place on
 * a terminal, plain lines otherwise, so that a CI log reads well) and the summary on stdout.
 */
final class CaptureReport {

    /** Exit codes: the command's help lists them. */
    static final int COMPLETE = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int PARTIAL = 3;

    private CaptureReport() {
    }

    /** The process exit code of an outcome. */
    static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case COMPLETE -> COMPLETE;
            case PARTIAL -> PARTIAL;
            case FAILED, CANCELLED -> FAILED;
        };
    }

    static String name(Signal s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Progress lines on {@code err}: on a terminal one line rewritten in place, else a line per signal. */
    static final class Progress implements IncidentCapture.Progress {

        private final PrintWriter err;
        private final boolean terminal;
        private final int total;
        private int index;
        private boolean lineOpen;

        Progress(PrintWriter err, boolean terminal, int total) {
            this.err = err;
            this.terminal = terminal;
            this.total = total;
        }

        /** A status line of its own ("connecting to prod…"). */
        void status(String text) {
            if (terminal) {
                err.print("\r\033[2K" + text + "…");
                lineOpen = true;
            } else {
                err.print(text + "..." + System.lineSeparator());
            }
            err.flush();
        }

        @Override
        public void started(Signal signal) {
            index++;
            status("capturing " + name(signal), index);
        }

        private void status(String text, int i) {
            if (terminal) {
                err.print("\r\033[2K" + text + "… " + i + " of " + total);
                lineOpen = true;
            } else {
                err.print(text + "... " + i + " of " + total + System.lineSeparator());
            }
            err.flush();
        }

        @Override
        public void finished(Part part) {
            // the summary says what each signal gave
        }

        /** Clears the updating line before the summary. */
        void done() {
            if (terminal && lineOpen) {
                err.print("\r\033[2K");
                err.flush();
                lineOpen = false;
            }
        }
    }

    /**
     * The summary: the file, its size on disk and what it holds uncompressed, each signal's
     * entries, bytes and problems, the outcome.
     */
    static String summary(IncidentCapture.Result result, String context, long fileBytes) {
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        boolean written = result.outcome() == Outcome.COMPLETE || result.outcome() == Outcome.PARTIAL;
        b.append(written ? "wrote " + result.file() + " (" + CliTime.size(fileBytes) + ", " + CliTime.size(result.bytes())
                + " uncompressed) from context " + context
                : "no bundle written (" + result.file() + " left as it was)").append(nl);
        for (Part p : result.parts()) {
            b.append(String.format(Locale.ROOT, "  %-9s %5d %-7s %10s", name(p.signal()), p.entries(),
                    p.entries() == 1 ? "entry" : "entries", CliTime.size(p.bytes())));
            List<String> problems = p.problems();
            if (!problems.isEmpty()) {
                b.append("   ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
            }
            b.append(nl);
            for (String problem : problems) {
                b.append("            - ").append(problem.lines().findFirst().orElse("")).append(nl);
            }
        }
        long problems = result.parts().stream().mapToLong(p -> p.problems().size()).sum();
        b.append("outcome: ").append(switch (result.outcome()) {
            case COMPLETE -> "complete";
            case PARTIAL -> "partial, " + problems + (problems == 1 ? " problem" : " problems")
                    + " (listed in the bundle's manifest)";
            case FAILED -> "failed: " + result.failure();
            case CANCELLED -> "cancelled";
        }).append(nl);
        return b.toString();
    }
}
