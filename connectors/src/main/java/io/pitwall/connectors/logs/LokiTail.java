package io.pitwall.connectors.logs;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.prometheus.EndpointTarget;
import io.pitwall.connectors.prometheus.ServiceProxyTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Loki's live tail, {@code /loki/api/v1/tail}, a websocket whose text messages are
 * {@code {"streams": [...], "dropped_entries": [...]}}: straight over OkHttp for a URL, or through
 * the API server's service proxy (the context's own client, which carries its credentials) for an
 * in-cluster Service. Each connection is one {@link ReconnectingTail.Connector} call.
 */
final class LokiTail {

    static final String PATH = "loki/api/v1/tail";
    /** Answers that reconnecting does not mend. */
    private static final Set<Integer> FINAL = Set.of(400, 401, 403, 404);

    private LokiTail() {
    }

    /** The query parameters of a tail from {@code startNanos}. */
    static Map<String, String> params(String logql, long startNanos, int limit) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("query", logql);
        p.put("start", Long.toString(startNanos));
        p.put("limit", Integer.toString(limit));
        p.put("delay_for", "0");
        return p;
    }

    /** Tails over OkHttp to {@code base} (Loki's URL with its path prefix). */
    static ReconnectingTail.Connector okHttp(HttpUrl base, OkHttpClient client, String logql, int limit) {
        OkHttpClient ws = client.newBuilder().readTimeout(Duration.ZERO).callTimeout(Duration.ZERO)
                .pingInterval(Duration.ofSeconds(30)).build();
        String endpoint = io.pitwall.connectors.http.OkHttpTransport.describe(base);
        LokiJson.Interner interner = new LokiJson.Interner();
        return (from, events) -> {
            HttpUrl.Builder url = base.newBuilder();
            String prefix = base.encodedPath();
            url.encodedPath(prefix.endsWith("/") ? prefix : prefix + "/").addPathSegments(PATH);
            params(logql, from, limit).forEach(url::addQueryParameter);
            Request request = new Request.Builder().url(url.build()).build();
            return asCloseable(ws.newWebSocket(request, new Handler(endpoint, events, interner)));
        };
    }

    /** Tails through the API server's service proxy to {@code target}, with {@code headers} (the tenant). */
    static ReconnectingTail.Connector serviceProxy(KubernetesClient client, EndpointTarget.InCluster target,
                                                   Map<String, String> headers, String logql, int limit) {
        String endpoint = target.describe();
        HttpUrl base = ServiceProxyTransport.proxyBase(client.getMasterUrl().toString(), target);
        LokiJson.Interner interner = new LokiJson.Interner();
        return (from, events) -> {
            HttpUrl.Builder url = base.newBuilder().addPathSegments(PATH);
            params(logql, from, limit).forEach(url::addQueryParameter);
            var builder = client.getHttpClient().newWebSocketBuilder().uri(url.build().uri());
            headers.forEach(builder::header);
            var socket = builder.buildAsync(new io.fabric8.kubernetes.client.http.WebSocket.Listener() {
                @Override
                public void onOpen(io.fabric8.kubernetes.client.http.WebSocket webSocket) {
                    events.opened();
                    webSocket.request();
                }

                @Override
                public void onMessage(io.fabric8.kubernetes.client.http.WebSocket webSocket, String text) {
                    message(endpoint, text, events, interner);
                    webSocket.request();
                }

                @Override
                public void onClose(io.fabric8.kubernetes.client.http.WebSocket webSocket, int code, String reason) {
                    events.ended(closedReason(endpoint, code, reason), false);
                }

                @Override
                public void onError(io.fabric8.kubernetes.client.http.WebSocket webSocket, Throwable error) {
                    events.ended(HttpFailure.of(endpoint, io(error)).getMessage(), false);
                }
            });
            socket.whenComplete((ws, t) -> {
                if (t != null) {
                    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                    if (c instanceof WebSocketHandshakeException h && h.getResponse() != null) {
                        int code = h.getResponse().code();
                        events.ended(LokiReplies.byStatus(endpoint, "the tail", code, "").getMessage(),
                                FINAL.contains(code));
                    } else {
                        events.ended(HttpFailure.of(endpoint, io(c)).getMessage(), false);
                    }
                }
            });
            return () -> socket.thenAccept(ws -> ws.sendClose(1000, "closed"));
        };
    }

    private static IOException io(Throwable t) {
        return t instanceof IOException e ? e : new IOException(t.getMessage(), t);
    }

    private static AutoCloseable asCloseable(WebSocket socket) {
        return () -> {
            if (!socket.close(1000, "closed")) {
                socket.cancel();
            }
        };
    }

    private static String closedReason(String endpoint, int code, String reason) {
        return endpoint + " closed the tail" + (reason == null || reason.isBlank() ? " (" + code + ")" : ": " + reason);
    }

    /** One tail message: its lines and its dropped lines; a message Pitwall cannot read ends the connection. */
    private static void message(String endpoint, String text, ReconnectingTail.Events events,
                                LokiJson.Interner interner) {
        LokiJson.TailMessage m;
        try {
            m = LokiJson.tailMessage(text, interner);
        } catch (IOException e) {
            events.ended(endpoint + " sent a tail message Pitwall cannot read: " + LokiReplies.firstLine(e.getMessage()),
                    false);
            return;
        }
        events.entries(m.entries());
        events.dropped(m.dropped());
    }

    /** OkHttp's websocket events, as a connection's. */
    private static final class Handler extends WebSocketListener {
        private final String endpoint;
        private final ReconnectingTail.Events events;
        private final LokiJson.Interner interner;

        Handler(String endpoint, ReconnectingTail.Events events, LokiJson.Interner interner) {
            this.endpoint = endpoint;
            this.events = events;
            this.interner = interner;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            events.opened();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            message(endpoint, text, events, interner);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            events.ended(closedReason(endpoint, code, reason), false);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            events.ended(closedReason(endpoint, code, reason), false);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (response != null && response.code() != 101) {
                int code = response.code();
                String said = "";
                try {
                    said = response.body() == null ? "" : LokiReplies.errorText(response.body().byteStream());
                } catch (RuntimeException ignored) {
                    // the body could not be read: the status says enough
                }
                events.ended(LokiReplies.byStatus(endpoint, "the tail", code, said).getMessage(), FINAL.contains(code));
                return;
            }
            IOException io = t instanceof IOException e ? e : new IOException(t.getMessage(), t);
            events.ended(HttpFailure.of(endpoint, io).getMessage(), false);
        }
    }
}
