package io.pitwall.connectors.security;

/**
 * Text that is not what a security parser reads (invalid YAML, a line that is not JSON, a kind it
 * does not know), told in one line fit for the user: the file's name, the line where known, and
 * what is wrong.
 */
public final class SecurityParseException extends Exception {

    private final String source;
    private final int line;

    public SecurityParseException(String source, int line, String problem) {
        super(message(source, line, problem));
        this.source = source == null ? "" : source;
        this.line = line;
    }

    /** The file or stream's name, "" when none was given. */
    public String source() {
        return source;
    }

    /** The line (1-based), or 0 when not known. */
    public int line() {
        return line;
    }

    private static String message(String source, int line, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isBlank()) {
            b.append(source);
        }
        if (line > 0) {
            b.append(b.isEmpty() ? "line " : ", line ").append(line);
        }
        if (!b.isEmpty()) {
            b.append(": ");
        }
        String p = problem == null ? "" : problem.strip();
        int nl = p.indexOf('\n');
        return b.append(nl < 0 ? p : p.substring(0, nl).strip()).toString();
    }
}
