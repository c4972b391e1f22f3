package io.pitwall.connectors.logs;

import io.pitwall.connectors.model.KubeRef;

/**
 * Whose logs: the selection, as logs see it. A Loki source turns it into a stream selector
 * (namespace, pod, container labels); the Kubernetes log API reads the pods it names.
 */
public sealed interface LogScope {

    /** A few words naming the scope, for titles ("pod sock-shop/carts-1"). */
    String title();

    /** Everything the source holds (Loki: every namespace; the log API: refused as too wide). */
    record Cluster() implements LogScope {
        @Override
        public String title() {
            return "the cluster";
        }
    }

    record Namespace(String name) implements LogScope {
        @Override
        public String title() {
            return "namespace " + name;
        }
    }

    /** A Deployment, StatefulSet, DaemonSet, Job or CronJob: the logs of all its pods, merged. */
    record Workload(KubeRef ref) implements LogScope {
        @Override
        public String title() {
            return ref.kind().toLowerCase(java.util.Locale.ROOT) + " " + ref.namespace() + "/" + ref.name();
        }
    }

    /** Every container of one pod, merged. */
    record Pod(KubeRef ref) implements LogScope {
        @Override
        public String title() {
            return "pod " + ref.namespace() + "/" + ref.name();
        }
    }

    /** One container; {@code previous} reads the terminated instance (after a restart). */
    record Container(KubeRef pod, String container, boolean previous) implements LogScope {
        @Override
        public String title() {
            return (previous ? "previous " : "") + "container " + container + " of pod " + pod.namespace() + "/" + pod.name();
        }
    }
}
