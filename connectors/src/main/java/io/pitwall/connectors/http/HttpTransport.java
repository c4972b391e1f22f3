package io.pitwall.connectors.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Read-only GETs to one endpoint: straight over Pitwall's own OkHttp client
 * ({@link OkHttpTransport}), or through a Kubernetes API server's service proxy. The future
 * completes with what the reader returned, or exceptionally with the reader's exception or an
 * {@link HttpFailure} when the endpoint could not be reached.
 */
public interface HttpTransport extends AutoCloseable {

    /** The endpoint as people read it, without credentials ("http://prometheus:9090"). */
    String endpoint();

    /**
     * GET {@code path} (relative to the endpoint's base, e.g. {@code api/v1/query}) with the query
     * parameters {@code params}, in order. The reader runs on a connector thread.
     */
    <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader);

    @Override
    default void close() {
    }
}
