package io.pitwall.connectors.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.pitwall.connectors.JsonBodies;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.http.ReplyErrors;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One trace API's GETs over an {@link HttpTransport}: a reply that is not a success, not JSON,
 * cut short or not the protocol's shape becomes a {@link TraceQueryException} of one line.
 */
final class TraceHttp {

    /** Reads a successful body that starts like JSON. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream in) throws IOException, TraceQueryException;
    }

    /** What a 404 means for one call, when it is not "no such API": no traces, or no such trace. */
    @FunctionalInterface
    interface NotFound<T> {
        T answer(String said) throws TraceQueryException;
    }

    private final HttpTransport transport;
    private final String protocol;

    /** @param protocol the API's name in messages ("Jaeger", "Zipkin") */
    TraceHttp(HttpTransport transport, String protocol) {
        this.transport = transport;
        this.protocol = protocol;
    }

    String endpoint() {
        return transport.endpoint();
    }

    HttpTransport transport() {
        return transport;
    }

    <T> CompletableFuture<T> get(String path, Map<String, String> params, String what, BodyReader<T> reader) {
        return get(path, params, what, reader, null);
    }

    <T> CompletableFuture<T> get(String path, Map<String, String> params, String what, BodyReader<T> reader,
                                 NotFound<T> notFound) {
        return transport.get(path, params, reply -> read(reply, what, reader, notFound))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(asTraceQueryException(t)));
    }

    private <T> T read(HttpReply reply, String what, BodyReader<T> reader, NotFound<T> notFound)
            throws TraceQueryException {
        String at = reply.endpoint();
        if (!reply.successful()) {
            String said = ReplyErrors.errorText(reply.body());
            if (reply.code() == 404 && notFound != null) {
                return notFound.answer(said);
            }
            ReplyErrors.Problem p = ReplyErrors.byStatus(at, what, reply.code(), said);
            throw new TraceQueryException(p.kind(), p.message());
        }
        InputStream in = new BufferedInputStream(reply.body(), 1 << 16);
        try {
            if (!JsonBodies.startsWithJson(in)) {
                String snippet = new HttpReply("", 0, "", in).bodySnippet();
                String body = snippet.isEmpty() ? "an empty body" : "\"" + snippet + "\"";
                throw bad(at + " answered " + what + " with " + body + ", not " + protocol + " JSON: is this " + protocol
                        + "'s URL (with its path prefix, if any)?");
            }
            return reader.read(in);
        } catch (TraceQueryException e) {
            throw e;
        } catch (JsonEOFException e) {
            throw truncated(at, what);
        } catch (TraceFileException e) {
            if (e.getCause() instanceof JsonEOFException || String.valueOf(e.getMessage()).contains("truncated")) {
                throw truncated(at, what);
            }
            throw bad(at + " answered " + what + " with JSON that is not " + protocol + "'s: "
                    + ReplyErrors.firstLine(e.getMessage()));
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw truncated(at, what);
            }
            throw bad(at + " answered " + what + " with JSON Pitwall cannot read: " + ReplyErrors.firstLine(e.getOriginalMessage()));
        } catch (EOFException | ProtocolException e) {
            throw truncated(at, what);
        } catch (IOException e) {
            throw new TraceQueryException("unreachable", HttpFailure.of(at, e).getMessage());
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw bad(at + " answered " + what + " with values Pitwall cannot read: " + ReplyErrors.firstLine(e.getMessage()));
        }
    }

    private static TraceQueryException truncated(String at, String what) {
        return bad(at + " answered " + what + " with a body cut short: its JSON ends too soon");
    }

    private static TraceQueryException bad(String message) {
        return new TraceQueryException("bad_response", message);
    }

    /** What a future failed with, as the TraceQueryException the TracesSource contract promises. */
    static TraceQueryException asTraceQueryException(Throwable t) {
        Throwable c = ReplyErrors.unwrap(t);
        if (c instanceof TraceQueryException q) {
            return q;
        }
        ReplyErrors.Problem p = ReplyErrors.ofFailure(c);
        return new TraceQueryException(p.kind(), p.message());
    }

    /** A Go duration ({@code time.ParseDuration}) in seconds: "1.5s", "0.25s". */
    static String goDuration(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }

    /** Microseconds since the epoch. */
    static long micros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }
}
