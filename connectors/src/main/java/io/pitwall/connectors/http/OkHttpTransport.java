package io.pitwall.connectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** GETs straight to an endpoint over Pitwall's own OkHttp client, on the given executor. */
public final class OkHttpTransport implements HttpTransport {

    private final HttpUrl base;
    private final OkHttpClient client;
    private final Executor executor;
    private final String endpoint;

    /**
     * @param base     the endpoint's base URL; a path is kept as a prefix ("https://mimir/prometheus")
     * @param executor where requests block and replies are read (virtual threads are fine)
     */
    public OkHttpTransport(HttpUrl base, OkHttpClient client, Executor executor) {
        this.base = Objects.requireNonNull(base, "base");
        this.client = Objects.requireNonNull(client, "client");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.endpoint = describe(base);
    }

    /** The URL as people read it: no user info, no query. */
    public static String describe(HttpUrl url) {
        String s = url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    /** The full URL of {@code path} with {@code params}. */
    public HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder b = base.newBuilder();
        // keep the base's path as a prefix
        String prefix = base.encodedPath();
        b.encodedPath(prefix.endsWith("/") ? prefix : prefix + "/");
        b.addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        params.forEach(b::addQueryParameter);
        return b.build();
    }

    @Override
    public <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader) {
        HttpUrl url = url(path, params);
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            Request request = new Request.Builder().url(url).get().header("Accept", "application/json").build();
            try (Response r = client.newCall(request).execute()) {
                ResponseBody body = r.body();
                String type = r.header("Content-Type", "");
                try (InputStream in = body.byteStream()) {
                    result.complete(reader.read(new HttpReply(endpoint, r.code(), type, in)));
                }
            } catch (IOException e) {
                result.completeExceptionally(e instanceof HttpFailure ? e : HttpFailure.of(endpoint, e));
            } catch (Exception e) {
                result.completeExceptionally(e);
            } catch (Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }
}
