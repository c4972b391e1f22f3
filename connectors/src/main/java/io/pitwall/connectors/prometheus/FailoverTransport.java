package io.pitwall.connectors.prometheus;

import io.pitwall.connectors.http.HttpFailure;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.HttpTransport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An HA pair of equal endpoints (two Prometheus replicas, two Thanos queriers): requests go to the
 * active one; when it cannot be reached, or answers 502, 503 or 504 without a Prometheus body,
 * the same request goes to the other, which becomes the active one. A query's own error (bad
 * PromQL, 4xx) is not a reason to switch: the partner would say the same.
 */
public final class FailoverTransport implements HttpTransport {

    /** Which member is serving, and why the other is not (empty when it was never tried or is fine). */
    public record Active(String endpoint, int index, String otherEndpoint, String otherFailure) {
        public boolean failedOver() {
            return !otherFailure.isEmpty();
        }
    }

    private final List<HttpTransport> members;
    private final AtomicInteger active = new AtomicInteger();
    private volatile String otherFailure = "";
    private final Consumer<Active> onSwitch;

    /** @param onSwitch told (on a connector thread) whenever the active member changes */
    public FailoverTransport(HttpTransport first, HttpTransport second, Consumer<Active> onSwitch) {
        this.members = List.of(Objects.requireNonNull(first), Objects.requireNonNull(second));
        this.onSwitch = onSwitch == null ? a -> { } : onSwitch;
    }

    @Override
    public String endpoint() {
        return members.get(active.get()).endpoint();
    }

    /** Both members' endpoints, the configured order. */
    public List<String> endpoints() {
        return members.stream().map(HttpTransport::endpoint).toList();
    }

    public Active active() {
        int i = active.get();
        return new Active(members.get(i).endpoint(), i, members.get(1 - i).endpoint(), otherFailure);
    }

    @Override
    public <T> CompletableFuture<T> get(String path, Map<String, String> params, HttpReply.Reader<T> reader) {
        int first = active.get();
        return attempt(first, path, params, reader).exceptionallyCompose(t -> {
            Throwable cause = unwrap(t);
            if (!(cause instanceof Unavailable) && !(cause instanceof HttpFailure)) {
                return CompletableFuture.failedFuture(cause);
            }
            int second = 1 - first;
            String why = cause.getMessage();
            return attempt(second, path, params, reader).handle((value, t2) -> {
                if (t2 == null) {
                    if (active.compareAndSet(first, second)) {
                        otherFailure = why;
                        onSwitch.accept(active());
                    }
                    return CompletableFuture.completedFuture(value);
                }
                Throwable c2 = unwrap(t2);
                if (c2 instanceof Unavailable || c2 instanceof HttpFailure) {
                    return CompletableFuture.<T>failedFuture(new HttpFailure(HttpFailure.Kind.OTHER,
                            "both members of the HA pair failed: " + why + "; " + c2.getMessage(), c2));
                }
                return CompletableFuture.<T>failedFuture(c2);
            }).thenCompose(f -> f);
        });
    }

    /** Records that the active member answers again (the health check found it well). */
    public void recovered() {
        if (!otherFailure.isEmpty()) {
            otherFailure = "";
            onSwitch.accept(active());
        }
    }

    /** Tells that the standby member failed a health check, without switching. */
    public void standbyFailed(String why) {
        if (!why.equals(otherFailure)) {
            otherFailure = why;
            onSwitch.accept(active());
        }
    }

    /** The members, for health checks that probe each. */
    public List<HttpTransport> members() {
        return members;
    }

    private <T> CompletableFuture<T> attempt(int index, String path, Map<String, String> params, HttpReply.Reader<T> reader) {
        HttpTransport t = members.get(index);
        return t.get(path, params, reply -> {
            if (reply.code() == 502 || reply.code() == 503 || reply.code() == 504) {
                if (!reply.contentType().contains("json")) {
                    throw new Unavailable("answered HTTP " + reply.code() + ", with no Prometheus behind it");
                }
            }
            return reader.read(reply);
        });
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        members.forEach(HttpTransport::close);
    }

    /** A member that answered, but as a gateway with nothing behind it. */
    static final class Unavailable extends IOException {
        Unavailable(String message) {
            super(message);
        }
    }
}
