package io.pitwall.connectors.kube;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pitwall.connectors.Errors;
import io.pitwall.connectors.model.ClusterState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows a cluster's objects with fabric8 informers (LIST then WATCH, read-only), each kind at
 * the newest API version the server offers, in the scope the user may list: every namespace, or
 * only the context's namespace, or not at all ("no access"). Every change rebuilds an immutable
 * {@link ClusterState}, at most one per {@link #COALESCE_MILLIS}: a flood of watch events costs
 * one snapshot.
 */
public final class ClusterWatcher implements AutoCloseable {

    /** Changes closer together than this are delivered as one state. */
    public static final long COALESCE_MILLIS = 100;

    static final List<WatchedKind> KINDS = List.of(
            WatchedKind.of("Namespace", "", "namespaces", false, Namespace.class),
            WatchedKind.of("Node", "", "nodes", false, Node.class),
            WatchedKind.of("Pod", "", "pods", true, Pod.class),
            WatchedKind.of("Service", "", "services", true, Service.class),
            WatchedKind.of("Event", "", "events", true, Event.class),
            WatchedKind.of("Endpoints", "", "endpoints", true, Endpoints.class),
            WatchedKind.of("PersistentVolumeClaim", "", "persistentvolumeclaims", true, PersistentVolumeClaim.class),
            WatchedKind.of("Deployment", "apps", "deployments", true, Deployment.class),
            WatchedKind.of("ReplicaSet", "apps", "replicasets", true, ReplicaSet.class),
            WatchedKind.of("StatefulSet", "apps", "statefulsets", true, StatefulSet.class),
            WatchedKind.of("DaemonSet", "apps", "daemonsets", true, DaemonSet.class),
            WatchedKind.of("Job", "batch", "jobs", true, Job.class),
            WatchedKind.of("CronJob", "batch", "cronjobs", true, io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
                    io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob.class),
            WatchedKind.of("Ingress", "networking.k8s.io", "ingresses", true, Ingress.class),
            WatchedKind.of("EndpointSlice", "discovery.k8s.io", "endpointslices", true,
                    io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
                    io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice.class),
            WatchedKind.of("HorizontalPodAutoscaler", "autoscaling", "horizontalpodautoscalers", true,
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
                    io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class,
                    io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class),
            WatchedKind.of("NetworkPolicy", "networking.k8s.io", "networkpolicies", true, NetworkPolicy.class));

    private final KubernetesClient client;
    private final Optional<String> homeNamespace;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Consumer<ClusterState> sink;
    private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers = new ConcurrentHashMap<>();
    private final Set<String> noAccess = ConcurrentHashMap.newKeySet();
    private final Set<String> absent = ConcurrentHashMap.newKeySet();
    /** Kinds whose first list failed (and is being retried), with why. */
    private final Map<String, String> listFailures = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;
    private volatile boolean initialized;
    private volatile java.time.Instant lastFailure;
    private final ClusterJournal journal;

    /**
     * @param homeNamespace the context's namespace: watched alone where the user may not list all
     * @param timer         builds and delivers every state; one thread, so states arrive in order
     * @param sink          receives each new state, on the timer's thread
     */
    public ClusterWatcher(KubernetesClient client, Optional<String> homeNamespace, ScheduledExecutorService timer,
                          Clock clock, Consumer<ClusterState> sink) {
        this.client = client;
        this.homeNamespace = homeNamespace;
        this.timer = timer;
        this.clock = clock;
        this.sink = sink;
        this.journal = new ClusterJournal(clock, ClusterJournal.DEFAULT_CAPACITY);
    }

    /** The watch events seen since the first full list (the initial list is not a change). */
    public ClusterJournal journal() {
        return journal;
    }

    /** Every object in the informers' caches now. */
    public List<HasMetadata> objects() {
        List<HasMetadata> all = new ArrayList<>();
        for (SharedIndexInformer<? extends HasMetadata> informer : new ArrayList<>(informers.values())) {
            all.addAll(informer.getStore().list());
        }
        return all;
    }

    /**
     * Probes access and starts the informers. Blocking (discovery and access reviews): call it on
     * a connector thread. The future completes with the first state when every informer has
     * listed or failed to: a kind whose list failed is left out of it, named in
     * {@link #listFailures()}, and joins a later state once a retry lists it. A kind whose list
     * is refused (403) is "no access", and not retried.
     */
    public CompletableFuture<ClusterState> start() {
        List<CompletableFuture<Void>> settled = new ArrayList<>();
        AccessProbe access = new AccessProbe(client);
        for (WatchedKind kind : KINDS) {
            Optional<Class<? extends HasMetadata>> version = kind.versions().stream().filter(client::supports).findFirst();
            if (version.isEmpty()) {
                absent.add(kind.kind());
                continue;
            }
            Informable<? extends HasMetadata> scope = scope(kind, version.get(), access);
            if (scope == null) {
                noAccess.add(kind.kind());
                continue;
            }
            SharedIndexInformer<? extends HasMetadata> informer = scope.runnableInformer(0);
            informer.addEventHandler(new Changed<>());
            CompletableFuture<Void> listedOrFailed = new CompletableFuture<>();
            informer.exceptionHandler((started, error) -> failed(kind, started, error, listedOrFailed));
            informers.put(kind.kind(), informer);
            settled.add(listedOrFailed);
            informer.start().whenComplete((v, error) -> {
                listedOrFailed.complete(null);
                if (error == null && !closed && listFailures.containsKey(kind.kind())) {
                    // listed at last: the failure goes with the first state that has the kind
                    try {
                        timer.execute(() -> {
                            listFailures.remove(kind.kind());
                            if (initialized && !closed) {
                                sink.accept(snapshot());
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        // the timer stopped: the watcher is being closed
                    }
                }
            });
        }
        // on the timer's thread, as every later state: a kind listed late is never lost between them
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
            // from now on changes are delivered; the first state has every kind that listed, and
            // none half-listed
            initialized = true;
            ClusterState state = snapshot();
            sink.accept(state);
            return state;
        }, timer);
    }

    /**
     * A list or watch of {@code kind} failed. Once listed, the informer retries with its backoff
     * and {@link #healthy} says so. Before: a refusal (403) makes the kind "no access" and stops
     * its informer; anything else is kept as the kind's list failure, in words, and retried.
     */
    private boolean failed(WatchedKind kind, boolean listed, Throwable error, CompletableFuture<Void> listedOrFailed) {
        if (listed) {
            lastFailure = clock.instant();
            return true;
        }
        boolean forbidden = cause(error) instanceof KubernetesClientException k && k.getCode() == 403;
        if (forbidden) {
            noAccess.add(kind.kind());
            informers.remove(kind.kind());
            listFailures.remove(kind.kind());
        } else {
            listFailures.put(kind.kind(), listFailure(kind.resource(), error));
        }
        listedOrFailed.complete(null);
        changed();
        return !forbidden;
    }

    /** "listing pods failed: REASON", REASON fit to show the user. */
    static String listFailure(String resource, Throwable error) {
        Throwable e = cause(error);
        String reason = null;
        if (e instanceof KubernetesClientException k && k.getCode() > 0) {
            String message = k.getStatus() == null ? null : k.getStatus().getMessage();
            reason = "the server answered " + k.getCode() + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
        for (Throwable t = e; t != null && reason == null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.io.InterruptedIOException && "timeout".equals(t.getMessage())) {
                reason = "no answer within the timeout";
            } else if (t instanceof java.net.ConnectException) {
                reason = "connection refused";
            }
        }
        return "listing " + resource + " failed: " + (reason == null ? Errors.firstLine(e) : reason);
    }

    private static Throwable cause(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * The kinds whose first list failed and is being retried, with why ("listing pods failed:
     * the server answered 500 (...)"), by kind. Empty when every kind listed.
     */
    public java.util.SortedMap<String, String> listFailures() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(listFailures));
    }

    /** Where {@code kind} may be watched: all namespaces, the home namespace, or nowhere (null). */
    private Informable<? extends HasMetadata> scope(WatchedKind kind, Class<? extends HasMetadata> type, AccessProbe access) {
        if (access.canListAndWatch(kind.group(), kind.resource(), "")) {
            return kind.namespaced() ? client.resources(type).inAnyNamespace() : client.resources(type);
        }
        if (kind.namespaced() && homeNamespace.isPresent()
                && access.canListAndWatch(kind.group(), kind.resource(), homeNamespace.get())) {
            return client.resources(type).inNamespace(homeNamespace.get());
        }
        return null;
    }

    /** The state now, from the informers' caches. */
    public ClusterState snapshot() {
        List<HasMetadata> all = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, SharedIndexInformer<? extends HasMetadata>> e : new HashMap<>(informers).entrySet()) {
            if (!e.getValue().hasSynced()) {
                continue; // not listed yet: not "none"
            }
            List<? extends HasMetadata> items = e.getValue().getStore().list();
            all.addAll(items);
            counts.put(e.getKey(), items.size());
        }
        return ClusterStates.from(all, counts, noAccess, absent, clock.instant());
    }

    /** The object's YAML from the informer's cache, secret values redacted. */
    public Optional<String> objectYaml(io.pitwall.connectors.model.KubeRef ref) {
        SharedIndexInformer<? extends HasMetadata> informer = informers.get(ref.kind());
        if (informer == null) {
            return Optional.empty();
        }
        String key = ref.namespace().isEmpty() ? ref.name() : ref.namespace() + "/" + ref.name();
        return Optional.ofNullable(informer.getStore().getByKey(key)).map(ObjectYaml::redacted);
    }

    /**
     * Whether every informer that has listed has its watch open (false while the API server is
     * unreachable). Kinds not listed yet are in {@link #listFailures()} instead.
     */
    public boolean watching() {
        return informers.values().stream().filter(SharedIndexInformer::hasSynced).allMatch(SharedIndexInformer::isWatching);
    }

    /**
     * Whether the cluster is being followed right now: every watch open and no list or watch
     * failed in the last {@code quiet}.
     */
    public boolean healthy(java.time.Duration quiet) {
        java.time.Instant failed = lastFailure;
        return watching() && (failed == null || failed.plus(quiet).isBefore(clock.instant()));
    }

    private void changed() {
        if (!closed && initialized && scheduled.compareAndSet(false, true)) {
            timer.schedule(() -> {
                scheduled.set(false);
                if (!closed) {
                    sink.accept(snapshot());
                }
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops every informer. */
    @Override
    public void close() {
        closed = true;
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    private final class Changed<T> implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            note(io.pitwall.connectors.model.WatchEvent.Type.ADDED, null, obj);
            changed();
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            note(io.pitwall.connectors.model.WatchEvent.Type.MODIFIED, oldObj, newObj);
            changed();
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            note(io.pitwall.connectors.model.WatchEvent.Type.DELETED, null, obj);
            changed();
        }

        private void note(io.pitwall.connectors.model.WatchEvent.Type type, T before, T obj) {
            // the initial list is the state, not a change; a resync's no-op update is not one either
            if (initialized && obj instanceof HasMetadata o) {
                journal.record(type, before instanceof HasMetadata b ? b : null, o);
            }
        }
    }
}
