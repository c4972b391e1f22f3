package io.pitwall.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What an HTTP answer that is not a success, or a request that failed, means for the user, shared
 * by the read-only clients (Loki, Jaeger, Zipkin): a kind (bad_query, unauthorized, forbidden,
 * not_found, too_many_requests, server_error, unreachable, internal) and one line of words. Error
 * bodies are read for what the server said: a JSON {@code error} (text, or grpc-gateway's
 * {@code {"error":{"message"}}}), {@code message}, {@code msg}, Jaeger's {@code errors[].msg}, or
 * the first line of plain text; an HTML error page says nothing the status does not. Nothing here
 * puts a header or a credential into a message.
 */
public final class ReplyErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of an error body is read for its message. */
    private static final int ERROR_BYTES = 4096;
    private static final int LINE_CHARS = 300;

    /** A failure's kind and its message, for the caller's own exception type. */
    public record Problem(String kind, String message) {
    }

    private ReplyErrors() {
    }

    /** The failure of an answer with {@code code} from {@code at} to {@code what}, with what the server said ({@code said}, maybe empty). */
    public static Problem byStatus(String at, String what, int code, String said) {
        String more = said.isBlank() ? "" : ": " + said;
        return switch (code) {
            case 400 -> new Problem("bad_query", said.isBlank() ? at + " refused the " + what + " (400 Bad Request)" : said);
            case 401 -> new Problem("unauthorized", at + " asked for credentials (401 Unauthorized): check the"
                    + " endpoint's authentication" + more);
            case 403 -> new Problem("forbidden", at + " refused access (403 Forbidden)" + more);
            case 404 -> new Problem("not_found", at + " has no " + what + " API (404 Not Found): check the URL"
                    + " and its path prefix" + more);
            case 429 -> new Problem("too_many_requests", at + " is limiting queries (429 Too Many Requests):"
                    + " try a shorter range or a narrower query" + more);
            default -> new Problem(code >= 500 ? "server_error" : "http_" + code,
                    at + " answered " + what + " with HTTP " + code + more);
        };
    }

    /** The message of an error body: its JSON error or message, else its first line of text ("" for HTML). */
    public static String errorText(InputStream body) {
        String text;
        try {
            byte[] head = body.readNBytes(ERROR_BYTES);
            text = new String(head, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
        if (text.startsWith("{")) {
            try {
                String said = said(JSON.readTree(text));
                if (!said.isBlank()) {
                    return firstLine(said);
                }
            } catch (IOException notJson) {
                // a cut or broken JSON body: its first line is still what it says
            }
        }
        if (text.startsWith("<")) {
            return "";
        }
        return firstLine(text);
    }

    private static String said(JsonNode n) {
        for (String field : new String[] {"error", "message", "msg"}) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isObject()) {
                String inner = said(v);
                if (!inner.isBlank()) {
                    return inner;
                }
            } else if (v.isValueNode() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        JsonNode errors = n.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            return first.isValueNode() ? first.asText() : said(first);
        }
        return "";
    }

    /** The first line of {@code s}, at most 300 characters. */
    public static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl).strip();
        return line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "..." : line;
    }

    /** What a future or an executor failed with, under its CompletionException or ExecutionException. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** A failure that is not the caller's own exception: unreachable when it is I/O, else internal. */
    public static Problem ofFailure(Throwable c) {
        if (c instanceof HttpFailure f) {
            return new Problem("unreachable", f.getMessage());
        }
        if (c instanceof IOException io) {
            return new Problem("unreachable", io.getMessage() == null ? "the endpoint could not be reached"
                    : firstLine(io.getMessage()));
        }
        return new Problem("internal", c.getMessage() == null ? c.getClass().getSimpleName() : firstLine(c.getMessage()));
    }
}
