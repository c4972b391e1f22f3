package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.KubeRef;

/** What the resource graphs are about: the selection, as metrics see it. */
public sealed interface MetricScope {

    /** A few words naming the scope, for titles ("pod sock-shop/carts-1"). */
    String title();

    record Cluster() implements MetricScope {
        @Override
        public String title() {
            return "the cluster";
        }
    }

    record Node(String name) implements MetricScope {
        @Override
        public String title() {
            return "node " + name;
        }
    }

    record Namespace(String name) implements MetricScope {
        @Override
        public String title() {
            return "namespace " + name;
        }
    }

    /** A Deployment, StatefulSet, DaemonSet, Job or CronJob and its pods. */
    record Workload(KubeRef ref) implements MetricScope {
        @Override
        public String title() {
            return ref.kind().toLowerCase(java.util.Locale.ROOT) + " " + ref.namespace() + "/" + ref.name();
        }
    }

    record Pod(KubeRef ref) implements MetricScope {
        @Override
        public String title() {
            return "pod " + ref.namespace() + "/" + ref.name();
        }
    }

    record Container(KubeRef pod, String container) implements MetricScope {
        @Override
        public String title() {
            return "container " + container + " of pod " + pod.namespace() + "/" + pod.name();
        }
    }
}
