package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pitwall.connectors.snapshot.RedactionPattern;
import io.pitwall.connectors.snapshot.TextRedaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** In a bundle an object's strings go by the text rules too: annotations, ConfigMap data, args, env, events. */
class ObjectTextRedactionTest {

    private final Map<String, Long> counts = new TreeMap<>();

    private String json(io.fabric8.kubernetes.api.model.HasMetadata o, TextRedaction text) {
        return ObjectYaml.json(ObjectYaml.redactedTree(o, (k, n) -> counts.merge(k, n, Long::sum), text));
    }

    @Test
    void aConfigMapsSecretsGoAndItsOtherValuesStay() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkq\n-----END CERTIFICATE-----\n";
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("app-config").withNamespace("shop")
                .addToAnnotations("example.com/owner", "team-carts")
                .addToAnnotations("example.com/webhook-token", "wh-9f8e7d6c").endMetadata()
                .addToData("LOG_LEVEL", "debug").addToData("db_password", "hunter22")
                .addToData("application.properties", "spring.datasource.url=jdbc:postgresql://db/carts\n"
                        + "spring.datasource.password=s3cr3tPw\n")
                .addToData("ca.crt", pem)
                .addToBinaryData("creds.txt", Base64.getEncoder().encodeToString("user=app password=binPw99"
                        .getBytes(StandardCharsets.UTF_8)))
                .addToBinaryData("blob", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                .build();
        String out = json(cm, TextRedaction.standard());
        assertThat(out).doesNotContain("hunter22", "s3cr3tPw", "wh-9f8e7d6c", "MIIC5zCCAc", "dXNlcj1hcHAgcGFzc3dvcmQ9YmluUHc5OQ==")
                .contains("\"LOG_LEVEL\":\"debug\"", "team-carts", "jdbc:postgresql://db/carts", "\"name\":\"app-config\"",
                        Base64.getEncoder().encodeToString("user=app password=<redacted>".getBytes(StandardCharsets.UTF_8)),
                        "\"blob\":\"//4A\"");
        assertThat(counts).isEqualTo(Map.of("password", 3L, "token", 1L, "certificate", 1L));
    }

    @Test
    void argsEnvAndTheVariablesSetFromSecrets() {
        Pod pod = new PodBuilder().withNewMetadata().withName("carts-1").withNamespace("shop").endMetadata()
                .withNewSpec().addNewContainer().withName("carts").withImage("carts:1")
                .withArgs("--db-password", "argPw123", "--port", "8080", "--api-token=tok-abcdef", "--verbose")
                .withCommand("sh", "-c", "mysql --password shPw456 -h db")
                .addNewEnv().withName("JAVA_OPTS").withValue("-Dspring.datasource.password=envPw789 -Xmx1g").endEnv()
                .addNewEnv().withName("STRIPE_ACCOUNT").withValue("acct_literal1").endEnv()
                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                .addNewEnv().withName("DB_PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "db", false)
                .endValueFrom().endEnv()
                .endContainer().endSpec().build();
        String out = json(pod, TextRedaction.standard().withSecretEnv(List.of("STRIPE_ACCOUNT")));
        assertThat(out).doesNotContain("argPw123", "tok-abcdef", "shPw456", "envPw789", "acct_literal1")
                .contains("\"--port\",\"8080\"", "--verbose", "-Xmx1g", "\"value\":\"info\"", "\"name\":\"db\"",
                        "\"key\":\"password\"");
        assertThat(counts).isEqualTo(Map.of("password", 4L, "env", 1L));
        assertThat(Redaction.secretEnvNames(List.of(pod))).containsExactly("DB_PASSWORD");
    }

    @Test
    void anEventsMessageAndTheUsersPatterns() {
        Event e = new EventBuilder().withNewMetadata().withName("carts-1.17f").withNamespace("shop").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("carts-1").withNamespace("shop").endInvolvedObject()
                .withReason("Failed").withMessage("pull failed: https://bot:regPw321@registry.example/carts:1 ACME-0badf00d")
                .build();
        String out = json(e, TextRedaction.of(List.of(RedactionPattern.of("acme", "ACME-[0-9a-f]{8}"))));
        assertThat(out).doesNotContain("regPw321", "ACME-0badf00d").contains("registry.example/carts:1", "\"reason\":\"Failed\"");
        assertThat(counts).isEqualTo(Map.of("connection-password", 1L, "custom:acme", 1L));
    }
}
