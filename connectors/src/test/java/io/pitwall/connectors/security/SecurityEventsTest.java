package io.pitwall.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.EventInfo;
import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Warning events in the words Kubernetes writes them, into findings or not. */
class SecurityEventsTest {

    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
    static final KubeRef RS = new KubeRef("ReplicaSet", "shop", "web-5d6b9");
    static final KubeRef POD = new KubeRef("Pod", "shop", "web-5d6b9-x");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(RS, "Warning", "FailedCreate", "Error creating: pods \"web-5d6b9-x\" is forbidden: violates "
                        + "PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false", "event.pod-security"),
                Arguments.of(RS, "Warning", "FailedCreate", "Error creating: admission webhook \"validation.gatekeeper.sh\" "
                        + "denied the request: [ns-must-have-gk] you must provide labels", "event.admission-denied"),
                Arguments.of(RS, "Warning", "FailedCreate", "Error creating: pods \"web-5d6b9-x\" is forbidden: error looking up "
                        + "service account shop/web: serviceaccount \"web\" not found", "event.forbidden"),
                Arguments.of(POD, "Warning", "FailedMount", "MountVolume.SetUp failed for volume \"creds\" : secret \"db\" not found",
                        "event.secret-unavailable"),
                Arguments.of(POD, "Warning", "FailedToRetrieveImagePullSecret", "Unable to retrieve some image pull secrets "
                        + "(regcred); attempting to pull the image may not succeed.", "event.secret-unavailable"),
                // not security: a config map volume, a Normal event, the real FailedUpdate of an OpenShift cluster
                Arguments.of(POD, "Warning", "FailedMount", "MountVolume.SetUp failed for volume \"conf\" : configmap \"web\" not found", ""),
                Arguments.of(POD, "Normal", "Pulled", "Successfully pulled image \"nginx:1.27\"", ""),
                Arguments.of(new KubeRef("Machine", "openshift-machine-api", "cluster-lrqft-worker-us-east-2a-jsmg4"), "Warning",
                        "FailedUpdate", "cluster-lrqft-worker-us-east-2a-jsmg4: reconciler failed to Update machine: requeue in: 20s", ""));
    }

    @ParameterizedTest(name = "{2} {4}")
    @MethodSource("events")
    void warningEventsThatSpeakOfSecurityAreFindings(KubeRef object, String type, String reason, String message, String rule) {
        EventInfo e = new EventInfo(object, type, reason, message, T, 3);
        var found = SecurityEvents.finding(e);
        if (rule.isEmpty()) {
            assertThat(found).isEmpty();
            return;
        }
        SecurityFinding f = found.orElseThrow();
        assertThat(f.rule()).isEqualTo(rule);
        assertThat(f.source()).isEqualTo(FindingSource.KUBE_EVENT);
        assertThat(f.object()).isEqualTo(object);
        assertThat(f.namespace()).isEqualTo("shop");
        assertThat(f.time()).isEqualTo(T);
        assertThat(f.message()).isEqualTo(reason + ": " + message);
        assertThat(f.payload()).contains("\"count\":3");
        // the same event seen again later, counted again: the same finding
        assertThat(SecurityEvents.finding(new EventInfo(object, type, reason, message, T.plusSeconds(60), 4)).orElseThrow().id())
                .isEqualTo(f.id());
    }

    @Test
    void aListKeepsOnlyTheFindings() {
        List<EventInfo> all = events().map(a -> new EventInfo((KubeRef) a.get()[0], (String) a.get()[1], (String) a.get()[2],
                (String) a.get()[3], T, 1)).toList();
        assertThat(SecurityEvents.findings(all)).hasSize(5);
    }
}
