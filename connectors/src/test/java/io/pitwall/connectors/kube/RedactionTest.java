package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values never reach the Details pane's YAML: real objects of real clusters (see SOURCES.md). */
class RedactionTest {

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = RedactionTest.class.getResourceAsStream("/kubernetes/" + name)) {
            return Serialization.unmarshal(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecretKeepsItsKeysButNotItsValues() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("db").withNamespace("shop")
                .addToAnnotations(Redaction.LAST_APPLIED, "{\"data\":{\"password\":\"aHVudGVyMg==\"}}").endMetadata()
                .addToData("password", "aHVudGVyMg==").addToStringData("user", "admin").build();
        String yaml = ObjectYaml.redacted(secret);
        assertThat(yaml).contains("password: <redacted>").contains("user: <redacted>")
                .doesNotContain("aHVudGVyMg==").doesNotContain("admin");
    }

    @Test
    void literalEnvValuesWithSecretLookingNamesAreRedactedAndReferencesStay() {
        Pod pod = read("openshift-pod-sap-vsystem.json", Pod.class);
        pod.getSpec().getContainers().getFirst().getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar(
                "DB_PASSWORD", "hunter2", null));
        String yaml = ObjectYaml.redacted(pod);
        assertThat(yaml).doesNotContain("hunter2")
                // an ordinary value stays, and a secretKeyRef only names its secret
                .contains("value: 20m0s")
                .contains("name: vsystem-user-hana-credentials");
    }

    @Test
    void podTemplatesInsideWorkloadsAreRedactedToo() {
        Deployment d = read("k9s-deployment.json", Deployment.class);
        d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
                .add(new io.fabric8.kubernetes.api.model.EnvVar("API_TOKEN", "s3cr3t-token", null));
        String yaml = ObjectYaml.redacted(d);
        assertThat(yaml).doesNotContain("s3cr3t-token").contains("<redacted>");
    }

    @Test
    void theLastAppliedAnnotationAndManagedFieldsAreTakenOut() {
        Pod pod = read("k9s-pod.json", Pod.class);
        assertThat(pod.getMetadata().getAnnotations()).containsKey(Redaction.LAST_APPLIED);
        pod.getMetadata().setManagedFields(java.util.List.of(new io.fabric8.kubernetes.api.model.ManagedFieldsEntry()));
        String yaml = ObjectYaml.redacted(pod);
        assertThat(yaml).contains(Redaction.LAST_APPLIED + ": <redacted>").doesNotContain("managedFields");
        // the rest of the object is all there
        assertThat(yaml).contains("name: nginx").contains("memory: 170Mi");
    }

    @Test
    void secretLookingNames() {
        assertThat(Map.of("DB_PASSWORD", true, "aws_secret_access_key", true, "GITHUB_TOKEN", true, "PGPASSWORD", true,
                "LOG_LEVEL", false, "PORT", false, "JAVA_OPTS", false)).allSatisfy(
                (name, secret) -> assertThat(Redaction.secretLooking(name)).as(name).isEqualTo(secret));
    }
}
