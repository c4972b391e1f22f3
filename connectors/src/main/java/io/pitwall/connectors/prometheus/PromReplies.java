package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.metrics.QueryException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;

/**
 * Turns HTTP replies into Prometheus data or a {@link QueryException} a person can act on:
 * Prometheus's error envelope (errorType, error, the parse error's position), a Kubernetes
 * service proxy's Status, and everything that is not Prometheus JSON (a login page, a gateway's
 * 502, an empty body).
 */
final class PromReplies {

    private PromReplies() {
    }

    /**
     * The envelope of a Prometheus API reply, or the failure as a QueryException.
     *
     * @param what  what was asked, for messages ("query_range")
     * @param query the PromQL, to place a parse error's position; null when there is none
     */
    static <T> PromJson.Envelope<T> read(HttpReply reply, String what, String query, PromJson.DataReader<T> data)
            throws QueryException {
        InputStream in = new BufferedInputStream(reply.body(), 1 << 16);
        try {
            if (!io.pitwall.connectors.JsonBodies.startsWithBrace(in)) {
                throw notJson(reply, what, snippet(in));
            }
            PromJson.Envelope<T> e = PromJson.envelope(in, data);
            if (e.isError()) {
                String type = e.errorType().isEmpty() ? statusWord(reply.code()) : e.errorType();
                String message = e.error().isEmpty() ? reply.endpoint() + " answered " + reply.code() : e.error();
                throw new QueryException(type, message, QueryErrors.position(message, query));
            }
            if (!reply.successful()) {
                String detail = "Status".equals(e.kind()) && !e.message().isEmpty() ? e.message() : "";
                throw byStatus(reply, what, detail);
            }
            if (!"success".equals(e.status())) {
                throw new QueryException("bad_response", reply.endpoint() + " answered " + what
                        + " without a Prometheus status: is it a Prometheus-compatible API?", OptionalInt.empty());
            }
            return e;
        } catch (JsonProcessingException e) {
            if (!reply.successful()) {
                throw byStatus(reply, what, "");
            }
            throw new QueryException("bad_response", reply.endpoint() + " answered " + what
                    + " with JSON Pitwall cannot read: " + e.getOriginalMessage(), OptionalInt.empty());
        } catch (IOException e) {
            throw new QueryException("unreachable", HttpFailure.of(reply.endpoint(), e).getMessage(), OptionalInt.empty());
        }
    }


    private static String snippet(InputStream in) {
        return new HttpReply("", 0, "", in).bodySnippet();
    }

    private static QueryException notJson(HttpReply reply, String what, String snippet) {
        if (!reply.successful()) {
            return byStatus(reply, what, snippet);
        }
        String body = snippet.isEmpty() ? "an empty body" : "\"" + snippet + "\"";
        return new QueryException("bad_response", reply.endpoint() + " answered " + what + " with " + body
                + ", not Prometheus JSON: is this the Prometheus URL (with its path prefix, if any)?", OptionalInt.empty());
    }

    static QueryException byStatus(HttpReply reply, String what, String detail) {
        String at = reply.endpoint();
        String more = detail == null || detail.isBlank() ? "" : ": " + detail;
        return switch (reply.code()) {
            case 401 -> new QueryException("unauthorized", at + " asked for credentials (401 Unauthorized): check the"
                    + " endpoint's authentication" + more, OptionalInt.empty());
            case 403 -> new QueryException("forbidden", at + " refused access (403 Forbidden)" + more, OptionalInt.empty());
            case 404 -> new QueryException("not_found", at + " has no " + what + " API (404 Not Found): check the URL"
                    + " and its path prefix" + more, OptionalInt.empty());
            default -> new QueryException(statusWord(reply.code()), at + " answered " + what + " with HTTP "
                    + reply.code() + more, OptionalInt.empty());
        };
    }

    static String statusWord(int code) {
        return switch (code) {
            case 400 -> "bad_data";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 422 -> "execution";
            case 502, 503, 504 -> "unavailable";
            default -> code >= 500 ? "internal" : "http_" + code;
        };
    }

    /** What a future failed with, as the QueryException the MetricsSource contract promises. */
    static QueryException asQueryException(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof QueryException q) {
            return q;
        }
        if (c instanceof HttpFailure f) {
            return new QueryException("unreachable", f.getMessage(), OptionalInt.empty());
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return new QueryException("internal", m, OptionalInt.empty());
    }
}
