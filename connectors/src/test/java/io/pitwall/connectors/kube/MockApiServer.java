package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's CRUD mock API server, set up to answer discovery and access reviews as a real server
 * would, for the cluster watcher's tests.
 *
 * <p>The CRUD mock stores and serves any object, but does not know which kinds a server offers:
 * it answers {@code GET /apis/GROUP/VERSION} with an empty resource list (and {@code /api/v1} with
 * an empty object list), and the client it makes itself answers {@code supports(...)} without
 * asking. So Pitwall's client here is made as in production ({@link KubeClients}), and
 * {@link #serve} says, as expectations, what discovery answers: the resources of the group
 * versions a server of some Kubernetes version serves, 404 for the others.
 */
public final class MockApiServer implements AutoCloseable {

    /** Every kind the watcher watches, at its newest version: Kubernetes 1.25 and later. */
    public static final List<Class<? extends HasMetadata>> NEWEST = ClusterWatcher.KINDS.stream()
            .<Class<? extends HasMetadata>>map(k -> k.versions().getFirst()).toList();

    /** The mock server logs every request through java.util.logging; kept here, as JUL holds loggers weakly. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    private final KubernetesMockServer server;
    private final KubernetesClient admin;

    public MockApiServer() {
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init();
        admin = server.createClient();
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** The test's own client, as a kubelet or kubectl would write: fabric8's User-Agent. */
    public KubernetesClient admin() {
        return admin;
    }

    /**
     * A configuration of context "mock" for this server; retries quick and few, so that a test of
     * failures need not wait out fabric8's defaults (10 retries, up to 3.2 s apart).
     */
    public Config config() {
        io.fabric8.kubernetes.api.model.NamedContext context = new io.fabric8.kubernetes.api.model.NamedContextBuilder()
                .withName("mock").withNewContext().withCluster("mock").withUser("mock").withNamespace("test").endContext()
                .build();
        return new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/")).withNamespace("test")
                .withOauthToken("secret").withHttp2Disable(true).addToContexts(context).withCurrentContext(context)
                .withRequestRetryBackoffLimit(1).withRequestRetryBackoffInterval(50).withWatchReconnectInterval(200)
                .build();
    }

    /** Pitwall's client, as production makes it. */
    public KubernetesClient pitwall() {
        return KubeClients.builder(config()).build();
    }

    /**
     * Discovery as a server that offers exactly {@code served} answers it: the resource list of
     * each of their group versions, and 404 for every other group version the watcher may ask for.
     */
    public MockApiServer serve(List<Class<? extends HasMetadata>> served) {
        Map<String, APIResourceListBuilder> lists = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> type : served) {
            String gv = HasMetadata.getApiVersion(type);
            boolean namespaced = ClusterWatcher.KINDS.stream().filter(k -> k.versions().contains(type))
                    .map(WatchedKind::namespaced).findFirst().orElseThrow();
            lists.computeIfAbsent(gv, v -> new APIResourceListBuilder().withGroupVersion(v))
                    .addToResources(new APIResourceBuilder().withKind(HasMetadata.getKind(type))
                            .withName(HasMetadata.getPlural(type)).withNamespaced(namespaced)
                            .withVerbs("get", "list", "watch").build());
        }
        Set<String> asked = new LinkedHashSet<>();
        ClusterWatcher.KINDS.forEach(k -> k.versions().forEach(v -> asked.add(HasMetadata.getApiVersion(v))));
        for (String gv : asked) {
            String path = gv.contains("/") ? "/apis/" + gv : "/api/" + gv;
            if (lists.containsKey(gv)) {
                server.expect().get().withPath(path).andReturn(200, lists.get(gv).build()).always();
            } else {
                server.expect().get().withPath(path).andReturn(404, status(404, "NotFound",
                        "the server could not find the requested resource")).always();
            }
        }
        return this;
    }

    /** Access reviews: allowed, except list and watch of the {@code denied} resources. */
    public MockApiServer allowAllBut(String... denied) {
        Set<String> no = Set.of(denied);
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").andReply(201, request -> {
            SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
            boolean allowed = !no.contains(review.getSpec().getResourceAttributes().getResource());
            review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed).build());
            return review;
        }).always();
        return this;
    }

    /** The first list of {@code path} (e.g. "/api/v1/pods") is answered {@code code}, until {@link #heal}. */
    public MockApiServer failList(String path, int code, String reason, String message) {
        server.expect().get().withPath(listPath(path)).andReturn(code, status(code, reason, message)).always();
        return this;
    }

    /** The first list of {@code path} is answered only after {@code delayMillis}, until {@link #heal}. */
    public MockApiServer delayList(String path, long delayMillis) {
        server.expect().get().delay(delayMillis, TimeUnit.MILLISECONDS).withPath(listPath(path))
                .andReturn(200, "{}").always();
        return this;
    }

    /** Lists of {@code path} are answered by the CRUD store again. */
    public void heal(String path) {
        Queue<ServerResponse> answers = expectations.get(new SimpleRequest(HttpMethod.GET, listPath(path)));
        assertThat(answers).as("an expectation for " + listPath(path)).isNotNull();
        answers.clear();
    }

    /** An informer's first list: any version ("resourceVersion=0"). */
    private static String listPath(String path) {
        return path + "?resourceVersion=0";
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withReason(reason).withCode(code).withMessage(message).build();
    }

    /** The requests received since the last call, as "METHOD path". */
    public List<Request> takeRequests() throws InterruptedException {
        List<Request> seen = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(0, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
            seen.add(new Request(r.getMethod() + " " + r.getPath(), String.valueOf(r.getHeader("User-Agent"))));
        }
        return seen;
    }

    /**
     * Pitwall's requests since the last call, as "METHOD path", after checking that each was a
     * read (GET) or an access review.
     */
    public List<String> pitwallRequests() throws InterruptedException {
        List<String> seen = takeRequests().stream().filter(r -> r.userAgent().startsWith(KubeClients.USER_AGENT_PREFIX))
                .map(Request::line).toList();
        assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r)
                .matches("GET .*|POST /apis/authorization\\.k8s\\.io/v1/selfsubjectaccessreviews"));
        return seen;
    }

    /** One request the server received. */
    public record Request(String line, String userAgent) {
    }

    @Override
    public void close() {
        admin.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // Vert.x may fail to close the listening socket while a client's watch connection is
            // still being torn down ("Unable to close MockWebServer"); the test's assertions have
            // run by then, and a leftover socket on an ephemeral port harms no other test.
            MOCK_LOG.fine(() -> "mock API server did not close cleanly: " + e.getMessage());
        }
    }
}
