package io.pitwall.connectors.snapshot;

import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in free text (a log line, a span's attribute, a Falco event's output) replaced by
 * {@value #REDACTED} before they go into a bundle: private keys, cloud and platform keys (AWS,
 * Google, GitHub, Slack), JWTs, bearer tokens, the password of a connection string
 * ({@code postgres://user:PASSWORD@host}) and the value of a {@code password=}, {@code secret:},
 * {@code api_key=}... pair. Each replacement is counted by kind for the manifest; values are never
 * counted or logged. A line with nothing to hide comes back as the same String, cheaply.
 */
public final class TextRedaction {

    public static final String REDACTED = "<redacted>";

    private record Rule(String kind, Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private-key", Pattern.compile(
                    "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"), 0),
            new Rule("cloud-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
            new Rule("cloud-key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{35}\\b"), 0),
            new Rule("token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"), 0),
            new Rule("token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"), 0),
            new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), 0),
            new Rule("token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/=-]{16,})"), 1),
            new Rule("connection-password", Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/\\s@]+:([^@\\s/]+)@"), 1),
            new Rule("password", Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|"
                    + "secret[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token)\"?\\s*[=:]\\s*\"?([^\\s\"',;&}]{3,})"), 1));

    /** Cheap screens: a line holding none of these cannot match any rule. */
    private static final Pattern SCREEN = Pattern.compile(
            "(?i)PRIVATE KEY|AKIA|ASIA|AIza|gh[pousr]_|xox|eyJ|bearer|://|pass|pwd|secret|key|token");

    private TextRedaction() {
    }

    /** {@code text} with its secrets replaced; {@code counts} hears (kind, how many) for each kind found. */
    public static String redact(String text, ObjLongConsumer<String> counts) {
        if (text == null || text.isEmpty() || !SCREEN.matcher(text).find()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder b = new StringBuilder(out.length());
            int last = 0;
            long n = 0;
            do {
                int from = m.start(rule.group());
                int to = m.end(rule.group());
                if (out.startsWith(REDACTED, from)) {
                    continue;
                }
                b.append(out, last, from).append(REDACTED);
                last = to;
                n++;
            } while (m.find());
            if (n > 0) {
                b.append(out, last, out.length());
                out = b.toString();
                counts.accept(rule.kind(), n);
            }
        }
        return out;
    }
}
