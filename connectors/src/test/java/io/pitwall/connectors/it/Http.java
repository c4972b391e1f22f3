package io.pitwall.connectors.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** OkHttp and Jackson, as the connectors will use them, for the it tier's smoke tests. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(3))
            .readTimeout(Duration.ofSeconds(10))
            .build();

    private Http() {
    }

    /** GETs {@code path} from {@code server}'s base URL and parses the JSON body. */
    static JsonNode getJson(String serverName, URI base, String path) {
        String url = base.resolve(path).toString();
        try (Response r = CLIENT.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = r.body();
            String text = body.string();
            if (!r.isSuccessful()) {
                fail(serverName + " answered " + r.code() + " to GET " + url + ": " + text);
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            return fail(serverName + " failed GET " + url + ": " + e.getMessage());
        }
    }
}
