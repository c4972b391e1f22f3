package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging real kubeconfig files the way kubectl does (test resources, see SOURCES.md). */
class KubeconfigsTest {

    private static Path fixture(String name) {
        try {
            return Path.of(KubeconfigsTest.class.getResource("/kubeconfig/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Kubeconfigs.Merged m) {
        return m.contexts().stream().map(KubeContext::name).toList();
    }

    @Test
    void mergesKubeconfigFilesInOrderLikeKubectl() {
        String list = fixture("k8s-docs-config-demo-3-contexts.yaml") + File.pathSeparator
                + fixture("k8s-docs-config-demo-2-merge.yaml");
        Kubeconfigs.Merged m = Kubeconfigs.load(Map.of("KUBECONFIG", list), Path.of("/nonexistent-home"));

        assertThat(names(m)).containsExactly("dev-frontend", "dev-storage", "exp-test", "dev-ramp-up");
        // dev-ramp-up's cluster "development" comes from the first file
        assertThat(m.context("dev-ramp-up")).get().satisfies(c -> {
            assertThat(c.usable()).isTrue();
            assertThat(c.namespace()).contains("ramp");
            assertThat(c.source()).isEqualTo(fixture("k8s-docs-config-demo-2-merge.yaml"));
        });
        // current-context: "" sets nothing
        assertThat(m.currentContext()).isEmpty();
        assertThat(m.files()).hasSize(2);
    }

    @Test
    void aContextWhoseClusterIsDefinedNowhereIsListedWithTheReason() {
        Kubeconfigs.Merged m = Kubeconfigs.merge(List.of(fixture("k8s-docs-config-demo-2-merge.yaml")));
        assertThat(m.context("dev-ramp-up")).get().satisfies(c -> {
            assertThat(c.usable()).isFalse();
            assertThat(c.problem()).contains("cluster 'development' is not defined in any kubeconfig file");
        });
    }

    @Test
    void readsExecPluginOidcAndCertificateContextsWithoutRunningAnything() {
        Kubeconfigs.Merged m = Kubeconfigs.merge(List.of(
                fixture("eks-aws-eks-get-token-proxy.yaml"),
                fixture("headlamp-oidc-auth-provider-idp-ca-data.yaml"),
                fixture("k9s-cert-files-namespaces.yaml"),
                fixture("headlamp-user-without-credentials.yaml")));

        assertThat(names(m)).contains("arn:aws:eks:region:111222333444:cluster/ExampleCluster",
                "oidc-test-context", "ct-1-1", "ct-1-2", "ct-2-1", "invalid-context", "invalid-context2");
        assertThat(m.currentContext()).contains("arn:aws:eks:region:111222333444:cluster/ExampleCluster");
        assertThat(m.contexts()).filteredOn(c -> c.name().startsWith("arn:")).allMatch(KubeContext::usable);
    }

    @Test
    void missingFilesInKubeconfigAreSkippedAndAbsentHomeConfigMeansNoContexts(@TempDir Path home) {
        Kubeconfigs.Merged none = Kubeconfigs.load(Map.of(), home);
        assertThat(none.isEmpty()).isTrue();
        assertThat(Kubeconfigs.files(Map.of(), home)).containsExactly(home.resolve(".kube/config"));

        Kubeconfigs.Merged some = Kubeconfigs.load(Map.of("KUBECONFIG",
                home.resolve("missing.yaml") + File.pathSeparator + fixture("k9s-cert-files-namespaces.yaml")), home);
        assertThat(some.contexts()).hasSize(3);
        assertThat(some.currentContext()).contains("ct-1-1");
    }

    @Test
    void aCorruptFileIsReportedAndTheOthersStillCount(@TempDir Path dir) throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.yaml"), "contexts: [ {{{ not yaml");
        Kubeconfigs.Merged m = Kubeconfigs.merge(List.of(corrupt, fixture("k9s-cert-files-namespaces.yaml")));
        assertThat(m.problems()).singleElement().asString().startsWith(corrupt + ": not a readable kubeconfig");
        assertThat(m.contexts()).hasSize(3);
    }
}
