package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.prometheus.PromJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns Loki's HTTP replies into data or a {@link LogQueryException} a person can act on. Loki
 * answers errors in plain text ("parse error at line 1, col 9: syntax error: unexpected }") with
 * the status code saying what kind; some gateways answer JSON ({@code error}, {@code message}),
 * the API server's service proxy a Kubernetes Status. Nothing here puts a header or a
 * credential into a message.
 */
final class LokiReplies {

    private static final ObjectMapper JSON = new ObjectMapper(LokiJson.FACTORY);
    /** How much of an error body is read for its message. */
    private static final int ERROR_BYTES = 4096;

    private LokiReplies() {
    }

    /** The envelope of a successful reply, or the failure as a LogQueryException. */
    static <T> PromJson.Envelope<T> read(HttpReply reply, String what, PromJson.DataReader<T> data)
            throws LogQueryException {
        if (!reply.successful()) {
            throw byStatus(reply.endpoint(), what, reply.code(), errorText(reply.body()));
        }
        InputStream in = new BufferedInputStream(reply.body(), 1 << 16);
        try {
            if (!io.pitwall.connectors.JsonBodies.startsWithBrace(in)) {
                String snippet = new HttpReply("", 0, "", in).bodySnippet();
                String body = snippet.isEmpty() ? "an empty body" : "\"" + snippet + "\"";
                throw new LogQueryException("bad_response", reply.endpoint() + " answered " + what + " with " + body
                        + ", not Loki JSON: is this Loki's URL (with its path prefix, if any)?");
            }
            PromJson.Envelope<T> e = PromJson.envelope(in, data);
            if (e.isError() || !"success".equals(e.status())) {
                String said = !e.error().isEmpty() ? e.error() : e.message();
                throw new LogQueryException("bad_response", reply.endpoint() + " answered " + what
                        + (said.isEmpty() ? " without a Loki status: is it Loki?" : " with an error: " + said));
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new LogQueryException("bad_response", reply.endpoint() + " answered " + what
                    + " with JSON Pitwall cannot read: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LogQueryException("unreachable", HttpFailure.of(reply.endpoint(), e).getMessage());
        }
    }

    /** The failure of an answer with {@code code}, with what the server said ({@code said}, maybe empty). */
    static LogQueryException byStatus(String at, String what, int code, String said) {
        String more = said.isBlank() ? "" : ": " + said;
        return switch (code) {
            case 400 -> new LogQueryException("bad_query", said.isBlank() ? at + " refused the " + what + " (400 Bad Request)"
                    : said);
            case 401 -> new LogQueryException("unauthorized", at + " asked for credentials (401 Unauthorized): check the"
                    + " endpoint's authentication" + more);
            case 403 -> new LogQueryException("forbidden", at + " refused access (403 Forbidden)" + more);
            case 404 -> new LogQueryException("not_found", at + " has no " + what + " API (404 Not Found): check the URL"
                    + " and its path prefix" + more);
            case 429 -> new LogQueryException("too_many_requests", at + " is limiting queries (429 Too Many Requests):"
                    + " try a shorter range or a narrower query" + more);
            default -> new LogQueryException(code >= 500 ? "server_error" : "http_" + code,
                    at + " answered " + what + " with HTTP " + code + more);
        };
    }

    /** The message of an error body: its JSON error or message, else its first line of text. */
    static String errorText(InputStream body) {
        String text;
        try {
            byte[] head = body.readNBytes(ERROR_BYTES);
            text = new String(head, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
        if (text.startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(text);
                for (String field : new String[] {"error", "message", "msg"}) {
                    if (n.hasNonNull(field) && !n.get(field).asText().isBlank()) {
                        return firstLine(n.get(field).asText());
                    }
                }
            } catch (IOException notJson) {
                // a cut or broken JSON body: its first line is still what it says
            }
        }
        if (text.startsWith("<")) {
            return ""; // an HTML error page says nothing the status code does not
        }
        return firstLine(text);
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }


    /** What a future failed with, as the LogQueryException the LogsSource contract promises. */
    static LogQueryException asLogQueryException(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof LogQueryException q) {
            return q;
        }
        if (c instanceof HttpFailure f) {
            return new LogQueryException("unreachable", f.getMessage());
        }
        if (c instanceof IOException io) {
            return new LogQueryException("unreachable", io.getMessage() == null ? "the endpoint could not be reached"
                    : firstLine(io.getMessage()));
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : firstLine(c.getMessage());
        return new LogQueryException("internal", m);
    }
}
