package io.pitwall.connectors.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            gitlab token     | clone with glpat-abcdefghij0123456789 ok                      | clone with <redacted> ok                            | token
            slack token      | hook xoxb-123456789012-abcdefghijkl posted                    | hook <redacted> posted                              | token
            stripe key       | charge via sk_live_abcdefghij0123456789 ok                    | charge via <redacted> ok                            | token
            jwt              | auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | auth <redacted> | jwt
            bearer           | GET /api Authorization: Bearer abcdefghijklmnop1234 200       | GET /api Authorization: Bearer <redacted> 200       | token
            short bearer     | GET /api Authorization: Bearer shorttok1 200                  | GET /api Authorization: Bearer <redacted> 200       | authorization
            basic header     | GET /api Authorization: Basic YWRtaW46aHVudGVyMg== 200        | GET /api Authorization: Basic <redacted> 200        | authorization
            basic alone      | curl with basic YWRtaW46aHVudGVyMg== to /api                  | curl with basic <redacted> to /api                  | authorization
            proxy auth       | Proxy-Authorization: Negotiate YIIGhgYGKwYBBQUCo 407          | Proxy-Authorization: Negotiate <redacted> 407       | authorization
            cookie           | GET / Cookie: session=abc123; theme=dark                      | GET / Cookie: <redacted>                            | cookie
            set-cookie       | reply Set-Cookie: sid=31d4d96e407aad42; Path=/                | reply Set-Cookie: <redacted>                        | cookie
            connection       | connecting to postgres://orders:s3cr3t-pw@db:5432/orders      | connecting to postgres://orders:<redacted>@db:5432/orders | connection-password
            password pair    | login user=admin password=hunter22 from 10.0.0.1              | login user=admin password=<redacted> from 10.0.0.1  | password
            env style pair   | export DB_PASSWORD=hunter22 && run                            | export DB_PASSWORD=<redacted> && run                | password
            aws secret pair  | aws_secret_access_key=wJalrXUtnFEMIbPxRfiCYEXAMPLEKEY         | aws_secret_access_key=<redacted>                    | password
            token in query   | GET /reset?token=a1b2c3d4e5&user=bob 200                      | GET /reset?token=<redacted>&user=bob 200            | password
            url encoded      | POST /login?password=canary%21pw%40x 302                      | POST /login?password=<redacted> 302                 | password
            password flag    | mysql --password hunter22 -h db                               | mysql --password <redacted> -h db                   | password
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
        String pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----";
        assertThat(TextRedaction.redact(pgp, (k, n) -> { })).isEqualTo("<redacted>");
    }

    @Test
    void aCertificateGoesWholeAndIsCountedAsOne() {
        Map<String, Long> counts = new TreeMap<>();
        String text = "ca.crt: -----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkq\n-----END CERTIFICATE-----\n";
        assertThat(TextRedaction.redact(text, (k, n) -> counts.merge(k, n, Long::sum))).isEqualTo("ca.crt: <redacted>\n");
        assertThat(counts).isEqualTo(Map.of("certificate", 1L));
    }

    @Test
    void ordinaryLinesComeBackAsTheyWere() {
        for (String line : List.of(
                "2026-11-24 02:30:00.000 INFO 1 --- [nio-80-exec-1] GET /carts/57a98d98/items 200 in 12 ms",
                "token bucket refilled: 12 tokens, password policy updated",
                "basic configuration loaded; authorization: denied",
                "cookie jar empty, session started")) {
            assertThat(TextRedaction.redact(line, (k, n) -> { throw new AssertionError(k + " in " + line); })).isSameAs(line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            db.password                      | password
            dbPassword                       | password
            DB_PASSWORD                      | password
            proc.env[DB_PASSWORD]            | password
            http.request.header.authorization| authorization
            x-api-key                        | token
            access_token                     | token
            Set-Cookie                       | cookie
            JSESSIONID                       | cookie
            tls.private_key                  | private-key
            client_secret                    | password
            """)
    void keysThatNameASecretTakeTheWholeValue(String key, String kind) {
        Map<String, Long> counts = new TreeMap<>();
        assertThat(TextRedaction.standard().field(key, "plain-value-1", (k, n) -> counts.merge(k, n, Long::sum)))
                .isEqualTo("<redacted>");
        assertThat(counts).isEqualTo(Map.of(kind, 1L));
        assertThat(TextRedaction.secretKeyKind(key)).contains(kind);
    }

    @Test
    void keysThatNameNoSecretKeepTheirValue() {
        for (String key : List.of("secretName", "gen_ai.usage.input_tokens", "cache.key", "http.method", "passwordFile",
                "app.kubernetes.io/name", "")) {
            assertThat(TextRedaction.secretKeyKind(key)).as(key).isEmpty();
            assertThat(TextRedaction.standard().field(key, "GET", (k, n) -> { throw new AssertionError(k); })).isEqualTo("GET");
        }
        assertThat(TextRedaction.standard().field("enable_token", "true", (k, n) -> { })).isEqualTo("true");
    }

    @Test
    void theUsersPatternsRunAfterTheBuiltInOnesAndAreCountedByName() {
        TextRedaction r = TextRedaction.of(List.of(RedactionPattern.of("acme", "ACME-[0-9a-f]{8}"),
                RedactionPattern.of("employee", "employee=(?<secret>E[0-9]{6})")));
        Map<String, Long> counts = new TreeMap<>();
        String out = r.apply("key ACME-0badf00d and ACME-12345678 for employee=E123456 (AKIAIOSFODNN7EXAMPLE)",
                (k, n) -> counts.merge(k, n, Long::sum));
        assertThat(out).isEqualTo("key <redacted> and <redacted> for employee=<redacted> (<redacted>)");
        assertThat(counts).isEqualTo(Map.of("custom:acme", 2L, "custom:employee", 1L, "cloud-key", 1L));
        // a custom pattern applies to text the built-in screen would pass over
        assertThat(r.apply("ACME-00000000", (k, n) -> { })).isEqualTo("<redacted>");
        assertThat(r.custom()).extracting(RedactionPattern::name).containsExactly("acme", "employee");
    }

    @Test
    void variablesSetFromSecretsLoseTheirValuesWhereverNamed() {
        TextRedaction r = TextRedaction.standard().withSecretEnv(List.of("STRIPE_ACCOUNT"));
        Map<String, Long> counts = new TreeMap<>();
        assertThat(r.apply("env: HOME=/root STRIPE_ACCOUNT=acct_9f8e7d LANG=C", (k, n) -> counts.merge(k, n, Long::sum)))
                .isEqualTo("env: HOME=/root STRIPE_ACCOUNT=<redacted> LANG=C");
        assertThat(r.field("STRIPE_ACCOUNT", "acct_9f8e7d", (k, n) -> counts.merge(k, n, Long::sum))).isEqualTo("<redacted>");
        assertThat(counts).isEqualTo(Map.of("env", 2L));
        assertThat(r.secretEnv("STRIPE_ACCOUNT")).isTrue();
        assertThat(r.secretEnv("HOME")).isFalse();
        assertThat(r.apply("MY_STRIPE_ACCOUNT=x1", (k, n) -> { })).isEqualTo("MY_STRIPE_ACCOUNT=x1");
    }

    @Test
    void theKindOfAKeyIsReadFromItsLastWord() {
        assertThat(TextRedaction.secretKeyKind("vault.hashicorp.com/secret")).isEqualTo(Optional.of("password"));
        assertThat(TextRedaction.secretKeyKind("secret-name")).isEmpty();
    }
}
