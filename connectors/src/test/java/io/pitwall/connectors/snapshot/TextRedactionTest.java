package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets in free text: each kind found and replaced, counted, and ordinary text left alone. */
class TextRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws key          | upload with AKIAIOSFODNN7EXAMPLE failed                       | upload with <redacted> failed                       | cloud-key
            google key       | maps key AIzaSyD-1234567890abcdefghijklmnopqrstu ok            | maps key <redacted> ok                              | cloud-key
            github token     | push ghp_abcdefghijklmnopqrstuvwxyz0123456789 denied          | push <redacted> denied                              | token
            slack token      | hook xoxb-123456789012-abcdefghijkl posted                    | hook <redacted> posted                              | token
            jwt              | auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | auth <redacted> | jwt
            bearer           | GET /api Authorization: Bearer abcdefghijklmnop1234 200       | GET /api Authorization: Bearer <redacted> 200       | token
            connection       | connecting to postgres://orders:s3cr3t-pw@db:5432/orders      | connecting to postgres://orders:<redacted>@db:5432/orders | connection-password
            password pair    | login user=admin password=hunter22 from 10.0.0.1              | login user=admin password=<redacted> from 10.0.0.1  | password
            json secret      | {"client_secret":"abc123XYZ","user":"bob"}                    | {"client_secret":"<redacted>","user":"bob"}         | password
            """)
    void eachKindIsReplacedAndCounted(String name, String line, String expected, String kind) {
        Map<String, Long> counts = new TreeMap<>();
        assertThat(TextRedaction.redact(line, (k, n) -> counts.merge(k, n, Long::sum))).isEqualTo(expected);
        assertThat(counts).containsOnlyKeys(kind);
    }

    @Test
    void aPrivateKeyBlockGoesWhole() {
        String text = "key: -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY----- done";
        assertThat(TextRedaction.redact(text, (k, n) -> { })).isEqualTo("key: <redacted> done");
    }

    @Test
    void ordinaryLinesComeBackAsTheyWere() {
        String line = "2026-11-24 02:30:00.000 INFO 1 --- [nio-80-exec-1] GET /carts/57a98d98/items 200 in 12 ms";
        assertThat(TextRedaction.redact(line, (k, n) -> { throw new AssertionError(k); })).isSameAs(line);
        String keyword = "token bucket refilled: 12 tokens, password policy updated";
        assertThat(TextRedaction.redact(keyword, (k, n) -> { throw new AssertionError(k); })).isSameAs(keyword);
    }
}
