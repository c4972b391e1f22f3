package io.pitwall.connectors.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pitwall.connectors.kube.KubeClients;
import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.TimeRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live tail of the Kubernetes log API ({@code follow=true}) against an API server played by
 * MockWebServer, whose followed logs stay open until the test ends or cuts them: a pod's
 * containers merged, a follow that ends or is cut resumed from its last second without a line
 * twice, refusals that stop the tail, and a closed tail that hangs up and asks no more.
 */
class KubeLogsFollowTest {

    private static final String POD = "carts-5d8f7b6c9d-x7k2p";
    private static final String LOG_PATH = "/api/v1/namespaces/shop/pods/" + POD + "/log";
    private static final KubeRef POD_REF = new KubeRef("Pod", "shop", POD);
    private static final TimeRange RANGE = new TimeRange(Instant.parse("2025-11-25T03:15:00.400Z"),
            Instant.parse("2025-11-25T03:25:00Z"));

    private final ApiServer api = new ApiServer();
    private final MockWebServer server = new MockWebServer();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Recorder recorder = new Recorder();
    private KubernetesClient client;
    private KubeLogs logs;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(api);
        server.start();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url("/").toString())
                .withOauthToken("secret").withHttp2Disable(true).build();
        client = KubeClients.builder(config).build();
        // reconnects at once: the test waits for events, never for time
        logs = new KubeLogs(client, () -> Optional.of(state()), executor, scheduler, attempt -> 10);
    }

    @AfterEach
    void stop() {
        api.all.forEach(Stream::end); // no server thread left waiting
        logs.close();
        client.close();
        scheduler.shutdownNow();
        executor.shutdownNow();
        server.close();
    }

    private static ClusterState state() {
        List<PodInfo.ContainerInfo> cs = java.util.stream.Stream.of("carts", "istio-proxy").map(c -> new PodInfo.ContainerInfo(
                c, "img", true, 0, "running", Optional.empty(), Optional.empty())).toList();
        PodInfo pod = new PodInfo("shop", POD, POD + "-uid", Map.of("app", "carts"), Optional.empty(), "node-1", "Running",
                true, 0, Optional.empty(), cs, Instant.parse("2025-11-25T01:00:00Z"));
        return new ClusterState(Instant.parse("2025-11-25T03:25:00Z"), List.of("shop"), List.of(), List.of(pod), List.of(),
                List.of(), List.of(), List.of(), Map.of(), Set.of(), Set.of());
    }

    private static LogQuery query(LogScope scope) {
        return new LogQuery(scope, "", RANGE, 1000, false);
    }

    /**
     * The API server: each request for a container's log opens a {@link Stream} the test writes
     * to, unless an answer was planned for that container ({@link #answer}).
     */
    static final class ApiServer extends Dispatcher {
        final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
        final Map<String, BlockingQueue<Stream>> streams = new ConcurrentHashMap<>();
        final Map<String, BlockingQueue<MockResponse>> planned = new ConcurrentHashMap<>();
        final List<Stream> all = new CopyOnWriteArrayList<>();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            HttpUrl url = request.getUrl();
            String container = String.valueOf(url.queryParameter("container"));
            if (!url.encodedPath().equals(LOG_PATH)) {
                return new MockResponse.Builder().code(404).body("{\"kind\":\"Status\",\"code\":404}").build();
            }
            MockResponse answer = planned.computeIfAbsent(container, c -> new LinkedBlockingQueue<>()).poll();
            if (answer != null) {
                return answer;
            }
            Stream s = new Stream();
            all.add(s);
            streams.computeIfAbsent(container, c -> new LinkedBlockingQueue<>()).add(s);
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body(s)
                    .removeHeader("Content-Length").addHeader("Transfer-Encoding", "chunked").build();
        }

        void answer(String container, int code, String status) {
            planned.computeIfAbsent(container, c -> new LinkedBlockingQueue<>()).add(new MockResponse.Builder().code(code)
                    .addHeader("Content-Type", "application/json").body(status).build());
        }

        /** The next log request of {@code container} that was answered with a stream. */
        Stream opened(String container) throws InterruptedException {
            Stream s = streams.computeIfAbsent(container, c -> new LinkedBlockingQueue<>()).poll(20, TimeUnit.SECONDS);
            assertThat(s).as("a followed log of container " + container).isNotNull();
            return s;
        }

        /** The requests so far, as path and query. */
        List<String> targets() {
            return requests.stream().map(r -> r.getMethod() + " " + r.getTarget()).toList();
        }
    }

    /** One followed log, written chunk by chunk as the test says; it ends, or is cut, when the test says. */
    static final class Stream implements MockResponseBody {
        private static final String END = "end";
        private static final String CUT = "cut";
        private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
        final CountDownLatch hungUp = new CountDownLatch(1);

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try {
                sink.flush(); // the status line and headers: the client sees the follow open
                while (true) {
                    String next = out.take();
                    if (next == END) {
                        sink.writeUtf8("0\r\n").flush(); // the server writes the (empty) trailers' blank line
                        return;
                    }
                    if (next == CUT) {
                        // bytes that are no chunk: the client's read fails mid-stream as on a dropped connection
                        sink.writeUtf8("\r\n--cut--\r\n").flush();
                        return;
                    }
                    byte[] bytes = (next + "\n").getBytes(StandardCharsets.UTF_8);
                    sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n")
                            .flush();
                }
            } catch (IOException e) {
                hungUp.countDown();
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        void send(String line) {
            out.add(line);
        }

        /** The API server closes the follow, as it does after a while. */
        void end() {
            out.add(END);
        }

        /** The connection drops mid-stream. */
        void cut() {
            out.add(CUT);
        }

        /** Writes until the client's hang-up shows (a write to a closed socket may succeed once or twice). */
        void awaitHangUp() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!hungUp.await(20, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    fail("the client did not hang up");
                }
                send("2025-11-25T03:24:00Z written after the tail closed");
            }
        }
    }

    /** Everything a tail told its listener, in order. */
    static final class Recorder implements LogTail.Listener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void entries(List<LogEntry> entries) {
            events.addAll(entries);
        }

        @Override
        public void state(LogTail.TailState state) {
            events.add(state);
        }

        Object next() throws InterruptedException {
            Object e = events.poll(20, TimeUnit.SECONDS);
            assertThat(e).as("the tail's next event").isNotNull();
            return e;
        }

        LogEntry nextEntry() throws InterruptedException {
            Object e = next();
            assertThat(e).as("a line, not a state").isInstanceOf(LogEntry.class);
            return (LogEntry) e;
        }

        /** The next event, a state. */
        LogTail.TailState nextState() throws InterruptedException {
            Object e = next();
            assertThat(e).as("a state, not a line").isInstanceOf(LogTail.TailState.class);
            return (LogTail.TailState) e;
        }
    }

    private static String line(LogEntry e) {
        return e.stream().labels().get("container") + " " + e.time() + " " + e.line();
    }

    @Test
    void aPodsContainersAreFollowedMergedAndResumedFromTheirLastSecondWithoutALineTwice() throws Exception {
        LogTail tail = logs.tail(query(new LogScope.Pod(POD_REF)), recorder);
        Stream carts = api.opened("carts");
        Stream proxy = api.opened("istio-proxy");
        assertThat(recorder.nextState()).as("connected once both follows are open").isEqualTo(new LogTail.TailState.Connected());

        carts.send("2025-11-25T03:15:00.100000000Z before the tail's start, in its second");
        carts.send("2025-11-25T03:20:01.000000000Z Added item 808a2de1 to cart 57a98d98");
        assertThat(line(recorder.nextEntry())).isEqualTo("carts 2025-11-25T03:20:01Z Added item 808a2de1 to cart 57a98d98");
        proxy.send("2025-11-25T03:20:03.500000000Z \"POST /carts HTTP/1.1\" 503 UC");
        assertThat(line(recorder.nextEntry())).isEqualTo("istio-proxy 2025-11-25T03:20:03.500Z \"POST /carts HTTP/1.1\" 503 UC");
        carts.send("2025-11-25T03:20:05.000000100Z java.lang.OutOfMemoryError: Java heap space");
        carts.send("2025-11-25T03:20:05.000000300Z \tat io.carts.CartsController.add(CartsController.java:41)");
        assertThat(line(recorder.nextEntry())).endsWith("java.lang.OutOfMemoryError: Java heap space");
        assertThat(line(recorder.nextEntry())).endsWith("\tat io.carts.CartsController.add(CartsController.java:41)");

        // the API server closes the carts follow: it comes back from the second of its last line
        carts.end();
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Reconnecting("pod shop/" + POD
                + " container carts: the log of pod shop/" + POD + " container carts ended", 10));
        Stream carts2 = api.opened("carts");
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Connected());
        // as a real server does, it sends that whole second again: only the lines not given are new
        carts2.send("2025-11-25T03:20:05.000000100Z java.lang.OutOfMemoryError: Java heap space");
        carts2.send("2025-11-25T03:20:05.000000300Z \tat io.carts.CartsController.add(CartsController.java:41)");
        carts2.send("2025-11-25T03:20:05.000000300Z \tat io.carts.CartsController.remove(CartsController.java:57)");
        carts2.send("2025-11-25T03:20:06.000000000Z Removed item 808a2de1");
        assertThat(line(recorder.nextEntry())).endsWith("\tat io.carts.CartsController.remove(CartsController.java:57)");
        assertThat(line(recorder.nextEntry())).endsWith("Removed item 808a2de1");

        // the proxy's connection drops mid-stream: the same, from its own last second
        proxy.cut();
        LogTail.TailState cut = recorder.nextState();
        assertThat(cut).isInstanceOf(LogTail.TailState.Reconnecting.class);
        assertThat(((LogTail.TailState.Reconnecting) cut).reason()).startsWith("pod shop/" + POD
                + " container istio-proxy: the log of pod shop/" + POD + " container istio-proxy was cut: ");
        Stream proxy2 = api.opened("istio-proxy");
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Connected());
        proxy2.send("2025-11-25T03:20:03.500000000Z \"POST /carts HTTP/1.1\" 503 UC");
        proxy2.send("2025-11-25T03:20:07.000000000Z \"GET /health HTTP/1.1\" 200");
        assertThat(line(recorder.nextEntry())).isEqualTo("istio-proxy 2025-11-25T03:20:07Z \"GET /health HTTP/1.1\" 200");

        // closing hangs up both follows and asks nothing more
        tail.close();
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Stopped("closed"));
        carts2.awaitHangUp();
        proxy2.awaitHangUp();
        assertThat(scheduler.getQueue()).as("no reconnect pending").isEmpty();
        assertThat(recorder.events).as("nothing after the tail closed").isEmpty();

        String q = "follow=true";
        assertThat(api.targets()).containsExactlyInAnyOrder(
                "GET " + LOG_PATH + "?container=carts&timestamps=true&sinceTime=2025-11-25T03%3A15%3A00Z&" + q,
                "GET " + LOG_PATH + "?container=istio-proxy&timestamps=true&sinceTime=2025-11-25T03%3A15%3A00Z&" + q,
                "GET " + LOG_PATH + "?container=carts&timestamps=true&sinceTime=2025-11-25T03%3A20%3A05Z&" + q,
                "GET " + LOG_PATH + "?container=istio-proxy&timestamps=true&sinceTime=2025-11-25T03%3A20%3A03Z&" + q);
        assertThat(api.requests).allSatisfy(r -> {
            assertThat(r.getHeaders().get("User-Agent")).startsWith(KubeClients.USER_AGENT_PREFIX);
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer secret");
        });
    }

    @Test
    void aForbiddenContainerStopsItsTailWithTheReasonAndIsNotAskedAgain() throws Exception {
        api.answer("carts", 403, "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"pods \\\"" + POD
                + "\\\" is forbidden: User \\\"dev\\\" cannot get resource \\\"pods/log\\\" in API group \\\"\\\" in the"
                + " namespace \\\"shop\\\"\",\"reason\":\"Forbidden\",\"code\":403}");
        logs.tail(query(new LogScope.Container(POD_REF, "carts", false)), recorder);
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Stopped("your role may not read the logs of pod shop/"
                + POD + " container carts (it needs get on pods/log): pods \"" + POD + "\" is forbidden: User \"dev\" cannot"
                + " get resource \"pods/log\" in API group \"\" in the namespace \"shop\""));
        assertThat(scheduler.getQueue()).as("no reconnect pending").isEmpty();
        assertThat(api.targets()).containsExactly("GET " + LOG_PATH
                + "?container=carts&timestamps=true&sinceTime=2025-11-25T03%3A15%3A00Z&follow=true");
    }

    @Test
    void aPodGoneStopsTheTailOnceEveryContainerHasStopped() throws Exception {
        String gone = "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"pods \\\"" + POD
                + "\\\" not found\",\"reason\":\"NotFound\",\"code\":404}";
        api.answer("carts", 404, gone);
        api.answer("istio-proxy", 404, gone);
        logs.tail(query(new LogScope.Pod(POD_REF)), recorder);
        LogTail.TailState last = recorder.nextState();
        while (!(last instanceof LogTail.TailState.Stopped)) {
            assertThat(last).as("while one container still stands").isInstanceOf(LogTail.TailState.Reconnecting.class);
            last = recorder.nextState();
        }
        assertThat(((LogTail.TailState.Stopped) last).reason()).isEqualTo("pod shop/" + POD + " container carts was not"
                + " found: pods \"" + POD + "\" not found; pod shop/" + POD + " container istio-proxy was not found: pods \""
                + POD + "\" not found");
        assertThat(scheduler.getQueue()).as("no reconnect pending").isEmpty();
        assertThat(api.requests).hasSize(2).allSatisfy(r -> assertThat(r.getMethod()).isEqualTo("GET"));
    }

    @Test
    void aServerErrorIsRetriedUntilTheFollowOpens() throws Exception {
        api.answer("carts", 500, "{\"kind\":\"Status\",\"message\":\"dial tcp: lookup node-1: no such host\",\"code\":500}");
        logs.tail(query(new LogScope.Container(POD_REF, "carts", false)), recorder);
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Reconnecting("pod shop/" + POD + " container carts:"
                + " the Kubernetes log API failed for pod shop/" + POD + " container carts (HTTP 500): dial tcp: lookup node-1:"
                + " no such host", 10));
        Stream carts = api.opened("carts");
        assertThat(recorder.nextState()).isEqualTo(new LogTail.TailState.Connected());
        carts.send("2025-11-25T03:20:01Z Added item 808a2de1 to cart 57a98d98");
        assertThat(recorder.nextEntry().line()).isEqualTo("Added item 808a2de1 to cart 57a98d98");
        assertThat(api.targets()).hasSize(2).containsOnly("GET " + LOG_PATH
                + "?container=carts&timestamps=true&sinceTime=2025-11-25T03%3A15%3A00Z&follow=true");
    }
}
