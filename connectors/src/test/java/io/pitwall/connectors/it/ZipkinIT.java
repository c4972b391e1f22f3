package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pitwall.connectors.it.Backends.Server;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Zipkin lists the services of the spans it holds (the test posts one span as its fixture). */
class ZipkinIT {

    @Test
    void listsTheServiceOfAStoredSpan() throws Exception {
        URI zipkin = Backends.load().require(Server.ZIPKIN);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String spanId = HexFormat.of().formatHex(randomBytes(8));
        long nowMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        String span = """
                [{"traceId":"%s","id":"%s","name":"get /smoke","timestamp":%d,"duration":1500,
                  "kind":"SERVER","localEndpoint":{"serviceName":"pitwall-smoke"}}]"""
                .formatted(traceId, spanId, nowMicros);
        Request post = new Request.Builder().url(zipkin.resolve("/api/v2/spans").toString())
                .post(RequestBody.create(span, MediaType.get("application/json"))).build();
        try (Response r = Http.CLIENT.newCall(post).execute()) {
            assertThat(r.code()).as("Zipkin accepts a span").isEqualTo(202);
        }

        List<String> services = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && !services.contains("pitwall-smoke"); attempt++) {
            services.clear();
            JsonNode body = Http.getJson("Zipkin", zipkin, "/api/v2/services");
            body.forEach(s -> services.add(s.asText()));
            if (!services.contains("pitwall-smoke")) {
                Thread.sleep(250);
            }
        }
        assertThat(services).contains("pitwall-smoke");
        JsonNode trace = Http.getJson("Zipkin", zipkin, "/api/v2/trace/" + traceId);
        assertThat(trace).hasSize(1);
        assertThat(trace.get(0).path("id").asText()).isEqualTo(spanId);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
