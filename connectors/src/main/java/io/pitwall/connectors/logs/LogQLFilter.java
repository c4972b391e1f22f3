package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The part of LogQL an offline source evaluates itself: a stream selector
 * ({@code {app="carts", namespace=~"sock.*", pod!="x", container!~"istio.*"}}) followed by line
 * filters ({@code |= "text"}, {@code != "text"}, {@code |~ "regex"}, {@code !~ "regex"}).
 * Anything else (parsers, label filters, formatting, metric queries) is refused as not_supported.
 * Regexes are read as Java regexes, which agree with Loki's RE2 on what log queries use.
 */
final class LogQLFilter implements Predicate<LogEntry> {

    private final List<Predicate<LogEntry>> parts;

    private LogQLFilter(List<Predicate<LogEntry>> parts) {
        this.parts = parts;
    }

    @Override
    public boolean test(LogEntry e) {
        for (Predicate<LogEntry> p : parts) {
            if (!p.test(e)) {
                return false;
            }
        }
        return true;
    }

    static LogQLFilter parse(String logql) throws LogQueryException {
        Reader r = new Reader(logql.strip());
        List<Predicate<LogEntry>> parts = new ArrayList<>();
        r.expect('{');
        r.spaces();
        if (r.peek() != '}') {
            do {
                r.spaces();
                String label = r.name();
                r.spaces();
                String op = r.op("=~", "!~", "!=", "=");
                r.spaces();
                String value = r.string();
                parts.add(matcher(label, op, value));
                r.spaces();
            } while (r.accept(','));
        }
        r.expect('}');
        while (true) {
            r.spaces();
            if (r.done()) {
                break;
            }
            String op = r.op("|=", "!=", "|~", "!~");
            r.spaces();
            String value = r.string();
            parts.add(lineFilter(op, value));
        }
        if (parts.isEmpty()) {
            throw new LogQueryException("bad_query", "a stream selector needs at least one matcher: " + logql);
        }
        return new LogQLFilter(parts);
    }

    private static Predicate<LogEntry> matcher(String label, String op, String value) throws LogQueryException {
        return switch (op) {
            case "=" -> e -> e.stream().label(label).equals(value);
            case "!=" -> e -> !e.stream().label(label).equals(value);
            case "=~" -> {
                Pattern p = regex(value);
                yield e -> p.matcher(e.stream().label(label)).matches();
            }
            default -> {
                Pattern p = regex(value);
                yield e -> !p.matcher(e.stream().label(label)).matches();
            }
        };
    }

    private static Predicate<LogEntry> lineFilter(String op, String value) throws LogQueryException {
        return switch (op) {
            case "|=" -> e -> e.line().contains(value);
            case "!=" -> e -> !e.line().contains(value);
            case "|~" -> {
                Pattern p = regex(value);
                yield e -> p.matcher(e.line()).find();
            }
            default -> {
                Pattern p = regex(value);
                yield e -> !p.matcher(e.line()).find();
            }
        };
    }

    private static Pattern regex(String value) throws LogQueryException {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new LogQueryException("bad_query", "not a regular expression: " + value + " (" + e.getDescription() + ")");
        }
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        char peek() {
            return done() ? '\0' : s.charAt(i);
        }

        void spaces() {
            while (!done() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean accept(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) throws LogQueryException {
            if (!accept(c)) {
                throw unsupported();
            }
        }

        String name() throws LogQueryException {
            int start = i;
            while (!done() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (start == i) {
                throw unsupported();
            }
            return s.substring(start, i);
        }

        String op(String... ops) throws LogQueryException {
            for (String o : ops) {
                if (s.startsWith(o, i)) {
                    i += o.length();
                    return o;
                }
            }
            throw unsupported();
        }

        /** A double-quoted string with Go escapes, or a backquoted raw string. */
        String string() throws LogQueryException {
            if (accept('`')) {
                int end = s.indexOf('`', i);
                if (end < 0) {
                    throw unsupported();
                }
                String v = s.substring(i, end);
                i = end + 1;
                return v;
            }
            expect('"');
            StringBuilder b = new StringBuilder();
            while (!done() && peek() != '"') {
                char c = s.charAt(i++);
                if (c == '\\' && !done()) {
                    char n = s.charAt(i++);
                    b.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> n;
                    });
                } else {
                    b.append(c);
                }
            }
            expect('"');
            return b.toString();
        }

        LogQueryException unsupported() {
            return new LogQueryException("not_supported", "offline, Pitwall reads a stream selector and line filters"
                    + " (|= \"text\", != \"text\", |~ \"regex\", !~ \"regex\"), not the rest of LogQL; at character "
                    + (i + 1) + " of: " + s);
        }
    }
}
