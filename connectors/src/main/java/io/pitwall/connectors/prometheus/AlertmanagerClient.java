package io.pitwall.connectors.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.http.HttpReply;
import io.pitwall.connectors.http.HttpTransport;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.Silence;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Alertmanager's API v2, read-only: alerts, silences and its version. Futures fail with a
 * {@link QueryException} fit for the user.
 */
public final class AlertmanagerClient {

    private final HttpTransport transport;

    public AlertmanagerClient(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    public String endpoint() {
        return transport.endpoint();
    }

    public HttpTransport transport() {
        return transport;
    }

    /** {@code /api/v2/alerts}: active, silenced and inhibited alerts. */
    public CompletableFuture<List<Alert>> alerts() {
        return json("api/v2/alerts", "alerts", true).thenApply(PromAlerts::alertmanagerAlerts);
    }

    /** {@code /api/v2/silences}: every silence Alertmanager still knows, expired ones too. */
    public CompletableFuture<List<Silence>> silences() {
        return json("api/v2/silences", "silences", true).thenApply(PromAlerts::silences);
    }

    /** {@code /api/v2/status}: Alertmanager's version, for "test connection". */
    public CompletableFuture<String> version() {
        return json("api/v2/status", "status", false).thenApply(s -> s.path("versionInfo").path("version").asText(""));
    }

    private CompletableFuture<JsonNode> json(String path, String what, boolean array) {
        return transport.get(path, Map.of(), reply -> read(reply, what, array))
                .exceptionallyCompose(t -> CompletableFuture.failedFuture(PromReplies.asQueryException(t)));
    }

    private static JsonNode read(HttpReply reply, String what, boolean array) throws QueryException {
        InputStream in = new BufferedInputStream(reply.body());
        if (!reply.successful()) {
            // Alertmanager writes errors as a JSON string or plain text
            String text = new HttpReply(reply.endpoint(), reply.code(), reply.contentType(), in).bodySnippet();
            throw PromReplies.byStatus(reply, "Alertmanager " + what, text.replaceAll("^\"|\"$", ""));
        }
        try {
            JsonNode n = PromJson.MAPPER.readTree(in);
            if (n == null || n.isArray() != array) {
                throw new QueryException("bad_response", reply.endpoint() + " answered Alertmanager " + what
                        + " with JSON of another shape: is this the Alertmanager URL (API v2)?", OptionalInt.empty());
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new QueryException("bad_response", reply.endpoint() + " answered Alertmanager " + what
                    + " with something that is not JSON: is this the Alertmanager URL?", OptionalInt.empty());
        } catch (IOException e) {
            throw new QueryException("unreachable", reply.endpoint() + ": " + e.getMessage(), OptionalInt.empty());
        }
    }
}
