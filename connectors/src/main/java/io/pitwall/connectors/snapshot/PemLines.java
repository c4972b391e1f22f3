package io.pitwall.connectors.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private key or certificate that a program logged a line at a time: each line of the PEM block
 * is a log entry of its own, so the text rules, which see one entry, would take out the BEGIN line
 * and leave the key's body. Over the lines of one stream in order, this takes out every line of
 * such a block: from a BEGIN line to its END line, and, when the window starts inside a block,
 * the key-looking lines before an END line that has no BEGIN. The other lines get the text rules.
 */
final class PemLines {

    private static final String TYPE = "([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?|(?:TRUSTED |X509 )?CERTIFICATE)";
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN " + TYPE + "-----");
    private static final Pattern END = Pattern.compile("-----END " + TYPE + "-----");
    /** A line of a PEM block's body: base64, an encrypted key's header, or blank. */
    private static final Pattern BODY = Pattern.compile(
            "\\s*(?:[A-Za-z0-9+/=]{4,}|(?:Proc-Type|DEK-Info|Comment|Version|Hash): .*)?\\s*");
    /** The most lines a block may have (an 8192-bit RSA key has about 100). */
    static final int MAX_BLOCK = 400;

    private PemLines() {
    }

    static List<String> redact(List<String> lines, TextRedaction rules, ObjLongConsumer<String> counts) {
        int n = lines.size();
        String[] out = new String[n];
        boolean[] taken = new boolean[n];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if (line == null || taken[i]) {
                continue;
            }
            Matcher begin = BEGIN.matcher(line);
            if (begin.find() && !END.matcher(line).find(begin.end())) {
                // the BEGIN line itself goes by the text rules (from BEGIN to its end), counted there
                for (int j = i + 1; j < n && j - i <= MAX_BLOCK; j++) {
                    if (takeEnd(lines.get(j), j, out, taken, rules, counts) || !body(lines.get(j))) {
                        break;
                    }
                    out[j] = TextRedaction.REDACTED;
                    taken[j] = true;
                }
                continue;
            }
            Matcher end = END.matcher(line);
            if (end.find() && !BEGIN.matcher(line.substring(0, end.start())).find()) {
                // an END with no BEGIN: the window started inside the block
                takeEnd(line, i, out, taken, rules, counts);
                for (int k = i - 1; k >= 0 && i - k <= MAX_BLOCK && !taken[k] && body(lines.get(k)); k--) {
                    out[k] = TextRedaction.REDACTED;
                    taken[k] = true;
                }
                counts.accept(end.group(1).endsWith("CERTIFICATE") ? "certificate" : "private-key", 1);
            }
        }
        List<String> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(taken[i] ? out[i] : rules.apply(lines.get(i), counts));
        }
        return result;
    }

    /** When {@code line} ends a block, takes it up to the END marker (the rest gets the text rules). */
    private static boolean takeEnd(String line, int i, String[] out, boolean[] taken, TextRedaction rules,
                                   ObjLongConsumer<String> counts) {
        Matcher end = line == null ? null : END.matcher(line);
        if (end == null || !end.find()) {
            return false;
        }
        out[i] = TextRedaction.REDACTED + rules.apply(line.substring(end.end()), counts);
        taken[i] = true;
        return true;
    }

    private static boolean body(String line) {
        return line != null && BODY.matcher(line).matches();
    }
}
