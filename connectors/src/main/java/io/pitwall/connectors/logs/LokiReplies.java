package io.pitwall.connectors.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.ReplyErrors;
import io.pitwall.connectors.prometheus.PromJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns Loki's HTTP replies into data or a {@link LogQueryException} a person can act on. Loki
 * answers errors in plain text ("parse error at line 1, col 9: syntax error: unexpected }") with
 * the status code saying what kind; some gateways answer JSON ({@code error}, {@code message}),
 * the API server's service proxy a Kubernetes Status. Nothing here puts a header or a
 * credential into a message.
 */
final class LokiReplies {

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
        ReplyErrors.Problem p = ReplyErrors.byStatus(at, what, code, said);
        return new LogQueryException(p.kind(), p.message());
    }

    /** The message of an error body: its JSON error or message, else its first line of text. */
    static String errorText(InputStream body) {
        return ReplyErrors.errorText(body);
    }

    static String firstLine(String s) {
        return ReplyErrors.firstLine(s);
    }

    /** What a future failed with, as the LogQueryException the LogsSource contract promises. */
    static LogQueryException asLogQueryException(Throwable t) {
        Throwable c = ReplyErrors.unwrap(t);
        if (c instanceof LogQueryException q) {
            return q;
        }
        ReplyErrors.Problem p = ReplyErrors.ofFailure(c);
        return new LogQueryException(p.kind(), p.message());
    }
}
