package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.WorkloadInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real objects of real clusters (test resources, see SOURCES.md) into Pitwall's records. */
class KubeMappingTest {

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = KubeMappingTest.class.getResourceAsStream("/kubernetes/" + name)) {
            return Serialization.unmarshal(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void containersCarryTheirRequestsAndLimitsAndThePodItsConditions() {
        PodInfo p = KubeMapping.pod(read("k9s-pod.json", Pod.class));
        assertThat(p.containers()).singleElement().satisfies(c -> {
            assertThat(c.requests()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("cpu", "100m", "memory", "70Mi"));
            assertThat(c.limits()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("memory", "170Mi"));
        });
        assertThat(p.conditions()).extracting(PodInfo.Condition::type)
                .containsExactly("Initialized", "Ready", "ContainersReady", "PodScheduled");
        assertThat(p.conditions()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("True");
            assertThat(c.since()).isPresent();
        });
    }

    @Test
    void containersFollowTheSpecsOrderWithTheirStatusesMatchedByName() {
        PodInfo p = KubeMapping.pod(read("openshift-pod-sap-vsystem.json", Pod.class));
        assertThat(p.containers()).extracting(PodInfo.ContainerInfo::name).containsExactly("vsystem", "auth");
        assertThat(p.containers().getFirst().limits()).containsEntry("cpu", "2").containsEntry("memory", "1Gi");
        assertThat(p.containers().get(1).requests()).containsEntry("cpu", "200m");
    }

    @Test
    void aHealthyPod() {
        PodInfo p = KubeMapping.pod(read("k9s-pod.json", Pod.class));
        assertThat(p.name()).isEqualTo("nginx");
        assertThat(p.phase()).isEqualTo("Running");
        assertThat(p.restarts()).isZero();
        assertThat(p.reason()).isEmpty();
        assertThat(p.containers()).singleElement().satisfies(c -> assertThat(c.state()).isEqualTo("running"));
    }

    @Test
    void restartsAndTheLastTerminationReasonAreKept() {
        PodInfo p = KubeMapping.pod(read("openshift-pod-authentication-operator.json", Pod.class));
        assertThat(p.restarts()).isEqualTo(12);
        assertThat(p.containers().getFirst().lastTermination()).contains("Error");
        assertThat(p.owner()).get().extracting(KubeRef::kind).isEqualTo("ReplicaSet");
    }

    @Test
    void waitingAndFailedPodsSayWhy() {
        assertThat(KubeMapping.pod(read("openshift-pod-sap-vsystem.json", Pod.class)).reason()).contains("PodInitializing");
        PodInfo failed = KubeMapping.pod(read("openshift-pod-cronjob-run.json", Pod.class));
        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.reason()).contains("Error");
        assertThat(failed.owner()).get().extracting(KubeRef::kind).isEqualTo("Job");
    }

    @Test
    void nodesServicesDeploymentsEventsAndIngresses() {
        var node = KubeMapping.node(read("k9s-node.json", Node.class));
        assertThat(node.ready()).isTrue();
        assertThat(node.allocatableCpu()).isEqualTo("4");
        assertThat(node.allocatableMemory()).isEqualTo("8063156Ki");

        var svc = KubeMapping.service(read("k9s-service.json", Service.class));
        assertThat(svc.ports()).isNotEmpty();

        WorkloadInfo d = KubeMapping.deployment(read("k9s-deployment.json", Deployment.class));
        assertThat(d.kind()).isEqualTo("Deployment");
        assertThat(d.selector()).isNotEmpty();

        var e = KubeMapping.event(read("k9s-event.json", Event.class));
        assertThat(e.object().name()).isNotBlank();
        assertThat(e.reason()).isNotBlank();

        // an old-style backend (serviceName) under networking.k8s.io/v1: read, no services known
        var ing = KubeMapping.ingress(read("k9s-ingress.json", Ingress.class));
        assertThat(ing.services()).isEmpty();
    }

    @Test
    void aWholeNamespaceOfARealClusterMaps() {
        List<HasMetadata> items = read("gke-namespace-sock-shop-all.json", KubernetesList.class).getItems();
        List<PodInfo> pods = items.stream().filter(Pod.class::isInstance).map(o -> KubeMapping.pod((Pod) o)).toList();
        assertThat(pods).hasSize(13).allSatisfy(p -> {
            assertThat(p.namespace()).isEqualTo("sock-shop");
            assertThat(p.owner()).get().extracting(KubeRef::kind).isEqualTo("ReplicaSet");
            assertThat(p.nodeName()).startsWith("gke-");
        });
        List<WorkloadInfo> deployments = items.stream().filter(Deployment.class::isInstance)
                .map(o -> KubeMapping.deployment((Deployment) o)).toList();
        assertThat(deployments).hasSize(13).allSatisfy(w -> assertThat(w.selector()).containsKey("name"));
        assertThat(items.stream().filter(Service.class::isInstance).map(o -> KubeMapping.service((Service) o)))
                .hasSize(13).anySatisfy(s -> assertThat(s.selector()).containsEntry("name", "carts"));
    }

    @Test
    void nullsAFileCanHoldWhereTheApiNeverPutsThemAreLeftOut() {
        Pod pod = Serialization.unmarshal("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"shop","labels":{"app":null,"tier":"web"},
                 "ownerReferences":[null,{"kind":"ReplicaSet"},{"kind":"ReplicaSet","name":"p-rs","controller":true}]},
                 "spec":{"containers":[null,{"image":"nameless"},{"name":"c","image":"img"}]},
                 "status":{"containerStatuses":[null,{"name":"c","restartCount":1}],"conditions":[null]}}""", Pod.class);
        PodInfo p = KubeMapping.pod(pod);
        assertThat(p.labels()).containsExactly(java.util.Map.entry("tier", "web"));
        assertThat(p.owner()).contains(new KubeRef("ReplicaSet", "shop", "p-rs"));
        assertThat(p.containers()).extracting(PodInfo.ContainerInfo::name).containsExactly("c");
        assertThat(p.restarts()).isEqualTo(1);
        Service svc = Serialization.unmarshal("""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[null,{"port":80}],"selector":{"a":null}}}""",
                Service.class);
        assertThat(KubeMapping.service(svc).ports()).containsExactly("80/TCP");
        assertThat(KubeMapping.service(svc).selector()).isEmpty();
    }

    @Test
    void aRestartCountOfMoreDigitsThanAnIntHoldsIsABillion() {
        assertThat(PodSummary.parse("Running, not ready, 99999999999999999999 restarts, CrashLoopBackOff")).get()
                .satisfies(s -> assertThat(s.restarts()).isEqualTo(1_000_000_000));
    }
}
