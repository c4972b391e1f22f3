package io.pitwall.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.connectors.traces.TraceQuery;
import io.pitwall.connectors.traces.TraceQueryException;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The Traces pane's state against an in-memory source, with same-thread executors. */
class TracesViewModelTest {

    static final Executor NOW = Runnable::run;
    static final TimeRange RANGE = TimeRange.ending(Instant.parse("2026-01-01T12:00:00Z"), Duration.ofHours(1));

    private final FakeTraces source = new FakeTraces();
    private final List<WorkspaceEvent> published = new ArrayList<>();

    private TracesViewModel model() {
        TracesViewModel m = new TracesViewModel(Optional.of(source), NOW, NOW);
        m.setPublisher(published::add);
        m.setRange(RANGE);
        return m;
    }

    @Test
    void withoutASourceItSaysWhatToConnect() {
        TracesViewModel m = new TracesViewModel(Optional.empty(), NOW, NOW);
        assertThat(m.phaseProperty().get()).isEqualTo(TracesViewModel.Phase.NO_SOURCE);
        assertThat(TracesViewModel.whatToConnect()).contains("Jaeger or Zipkin");
        m.open("abc");
        assertThat(m.messageProperty().get()).contains("No traces source").contains("Jaeger or Zipkin");
    }

    @Test
    void searchesAndListsFailedThenSlowestFirst() {
        Trace overlapping = TraceFixtures.fixture("ui-trace-overlapping-children-longer-than-parent.json");
        Trace genai = TraceFixtures.fixture("ui-trace-genai.json");
        Trace failed = TraceFixtures.generated(500);
        source.add(overlapping).add(genai).add(failed);
        TracesViewModel m = model();
        assertThat(m.services()).containsExactly("checkout", "frontend");
        m.serviceProperty().set("checkout");
        assertThat(m.operations()).containsExactly("GET /cart", "POST /order");
        m.search(m.query("", java.util.Map.of("error", "true"), Optional.of(Duration.ofMillis(1)), Optional.empty(), 20));
        assertThat(m.phaseProperty().get()).isEqualTo(TracesViewModel.Phase.RESULTS);
        TraceQuery asked = source.searches.getFirst();
        assertThat(asked.service()).isEqualTo("checkout");
        assertThat(asked.tags()).containsEntry("error", "true");
        assertThat(asked.range()).isEqualTo(RANGE);
        assertThat(failed.errorCount()).isPositive();
        assertThat(m.results()).hasSize(3);
        var listed = List.copyOf(m.results());
        for (int k = 1; k < listed.size(); k++) {
            var a = listed.get(k - 1);
            var b = listed.get(k);
            boolean failedBeforeClean = a.errorCount() > 0 && b.errorCount() == 0;
            boolean sameKindSlowerFirst = (a.errorCount() > 0) == (b.errorCount() > 0) && a.durationNanos() >= b.durationNanos();
            assertThat(failedBeforeClean || sameKindSlowerFirst).as("%s before %s", a, b).isTrue();
        }
        assertThat(listed.getLast().errorCount()).isZero();
        assertThat(listed.getFirst().errorCount()).isPositive();
    }

    @Test
    void aFailedSearchIsOneLineOfWords() {
        source.failSearch = new TraceQueryException("unreachable", "Jaeger at http://127.0.0.1:16686 did not answer.");
        TracesViewModel m = model();
        m.serviceProperty().set("checkout");
        m.search(m.query("", java.util.Map.of(), Optional.empty(), Optional.empty(), 20));
        assertThat(m.phaseProperty().get()).isEqualTo(TracesViewModel.Phase.FAILED);
        assertThat(m.messageProperty().get()).isEqualTo("Jaeger at http://127.0.0.1:16686 did not answer.");
        assertThat(m.results()).isEmpty();
    }

    @Test
    void anEmptySearchSaysSo() {
        TracesViewModel m = model();
        m.serviceProperty().set("checkout");
        m.search(m.query("", java.util.Map.of(), Optional.empty(), Optional.empty(), 20));
        assertThat(m.phaseProperty().get()).isEqualTo(TracesViewModel.Phase.NO_RESULTS);
    }

    @Test
    void aTraceRequestOpensTheTraceAndAMissingOneSaysSo() {
        Trace t = TraceFixtures.fixture("ui-trace-genai.json");
        source.add(t);
        TracesViewModel m = model();
        m.accept(new WorkspaceEvent.TraceRequested(PaneId.LOGS, t.traceId()));
        assertThat(m.traceProperty().get().trace()).isSameAs(t);
        assertThat(m.loadingProperty().get()).isFalse();
        m.open("0000dead");
        assertThat(m.messageProperty().get()).isEqualTo("Trace 0000dead was not found.");
        assertThat(m.traceProperty().get().trace()).isSameAs(t);
    }

    @Test
    void aLoadCanBeCancelledAndItsLateAnswerIsIgnored() {
        Trace t = TraceFixtures.fixture("ui-trace-genai.json");
        source.hang = "slow";
        TracesViewModel m = model();
        m.open("slow");
        assertThat(m.loadingProperty().get()).isTrue();
        assertThat(m.loadingTextProperty().get()).isEqualTo("Loading trace slow…");
        m.cancelLoad();
        assertThat(m.loadingProperty().get()).isFalse();
        assertThat(m.messageProperty().get()).isEqualTo("Loading cancelled.");
        source.hanging.complete(t);
        assertThat(m.traceProperty().get()).isNull();
    }

    @Test
    void aSelectedPodOrWorkloadPrefillsItsService() {
        TracesViewModel m = model();
        m.accept(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Pod", "shop", "checkout-7d9f8b6c5-x2x4z")));
        assertThat(m.serviceProperty().get()).isEqualTo("checkout");
        m.accept(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Deployment", "shop", "frontend")));
        assertThat(m.serviceProperty().get()).isEqualTo("frontend");
        m.accept(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Node", "", "worker-1")));
        assertThat(m.serviceProperty().get()).isEqualTo("frontend");
        // a selection before the services are known is applied when they arrive
        TracesViewModel late = new TracesViewModel(Optional.of(source), NOW, NOW);
        late.accept(new WorkspaceEvent.Selected(PaneId.TOPOLOGY, new KubeRef("Service", "shop", "checkout")));
        late.setRange(RANGE);
        assertThat(late.serviceProperty().get()).isEqualTo("checkout");
    }

    @Test
    void logsAndTopologyRequestsArePublished() {
        Trace t = TraceFixtures.generated(50);
        TracesViewModel m = model();
        m.open(t);
        io.pitwall.connectors.model.Span s = t.span(3);
        m.logsFor(s);
        WorkspaceEvent.LogsRequested logs = (WorkspaceEvent.LogsRequested) published.getFirst();
        assertThat(logs.traceId()).isEqualTo(t.traceId());
        assertThat(logs.around().contains(Instant.ofEpochSecond(0, t.startNanos()))).isTrue();
        assertThat(logs.around().contains(Instant.ofEpochSecond(0, t.endNanos()))).isTrue();
        KubeRef pod = SpanTargets.of(s).orElseThrow();
        assertThat(pod.kind()).isEqualTo("Pod");
        assertThat(pod.name()).isEqualTo(s.processTags().get("hostname"));
        m.showInTopology(pod);
        assertThat(published.get(1)).isEqualTo(new WorkspaceEvent.Selected(PaneId.TRACES, pod));
    }
}
