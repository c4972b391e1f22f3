package io.pitwall.bench;

import io.pitwall.connectors.snapshot.BundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * What counts as a clean refusal. An exception is expected when it is an input error by design:
 * an {@link IOException} (a {@link BundleException}, a parser's JSON exception, a trace file's
 * exception), a Jackson 3 exception, or a source's query error; the wrappers around them
 * (completion, execution, unchecked I/O) are looked through. Such an exception may be caused by a
 * time, a number or a sum that does not parse or fit: the reader caught it and said so. Anything else anywhere in the chain
 * (a null pointer, a cast, an index, an arithmetic overflow, a parse of a time or a number that
 * escaped, a stack overflow, running out of memory) is a bug, even when something caught it and
 * said "cannot be read". A message shown to the user must be one line, not blank, not huge, and
 * not a Java exception's words.
 */
final class Verdict {

    private static final Pattern TECHNICAL = Pattern.compile(
            "Exception|java\\.[a-z]+\\.|Cannot invoke|because \"|out of bounds for length|cannot be cast|Error:|\\(null\\)$");

    private Verdict() {
    }

    /** Null when every throwable of the chain is expected; else what is not, as a crash kind. */
    static String problem(Throwable t) {
        boolean wrapped = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CompletionException || c instanceof ExecutionException || c instanceof UncheckedIOException
                    || c instanceof OfflineLoad.SourceFailed) {
                continue;
            }
            // a time, a number or a sum that does not parse or fit, turned into a refusal in words by the reader
            if (wrapped && (c instanceof java.time.DateTimeException || c instanceof NumberFormatException
                    || c instanceof ArithmeticException)) {
                return null;
            }
            if (!expected(c)) {
                return "masked " + kind(c);
            }
            wrapped = true;
        }
        return null;
    }

    private static boolean expected(Throwable c) {
        return c instanceof IOException
                || c instanceof tools.jackson.core.JacksonException
                || c instanceof io.pitwall.connectors.metrics.QueryException
                || c instanceof io.pitwall.connectors.logs.LogQueryException
                || c instanceof io.pitwall.connectors.traces.TraceQueryException;
    }

    /** Null when {@code m} is fit to show a user; else what is wrong with it. */
    static String message(String m) {
        if (m == null || m.isBlank() || m.equals("null")) {
            return "blank message";
        }
        if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            return "message of several lines";
        }
        if (m.length() > 1000) {
            return "message of " + m.length() + " characters";
        }
        var matcher = TECHNICAL.matcher(m);
        if (matcher.find()) {
            return "technical message (" + matcher.group() + ")";
        }
        return null;
    }

    /** A crash's kind: the throwable's class and where in Pitwall's code it came from. */
    static String kind(Throwable t) {
        if (t instanceof OfflineLoad.SourceFailed f && f.getCause() != null) {
            String bad = problem(f.getCause());
            return f.what() + " failed: " + (bad != null ? bad : "expected " + f.getCause().getClass().getSimpleName()
                    + (message(f.getCause().getMessage()) != null ? ", " + message(f.getCause().getMessage()) : ""));
        }
        StackTraceElement at = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.pitwall.") && !e.getClassName().startsWith("io.pitwall.bench.")) {
                at = e;
                break;
            }
        }
        String where = at == null ? "" : " at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1)
                + "." + at.getMethodName();
        return t.getClass().getSimpleName() + where;
    }

    /** A refusal's kind, for the figures: the bundle reader's reason, or the file kind that was tried. */
    static String refusalKind(IOException e) {
        if (e instanceof BundleException b) {
            return b.reason().name();
        }
        return "not a bundle: " + e.getClass().getSimpleName();
    }
}
