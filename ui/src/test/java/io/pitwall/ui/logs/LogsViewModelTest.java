package io.pitwall.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogQueryException;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The Logs ViewModel against a fake source, every executor the calling thread. */
class LogsViewModelTest {

    static final Executor NOW = Runnable::run;
    static final TimeRange RANGE = TimeRange.ending(FakeLogs.T0.plus(Duration.ofHours(1)), Duration.ofHours(1));
    static final LogScope POD = new LogScope.Pod(new KubeRef("Pod", "sock-shop", "carts-7d9f-abc12"));

    @Test
    void withoutASourceOrASelectionItSaysSo() {
        LogsViewModel none = new LogsViewModel(Optional.empty(), NOW, NOW);
        none.setScope(POD);
        none.setRange(RANGE);
        assertThat(none.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.NO_SOURCE);
        FakeLogs logs = new FakeLogs();
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setRange(RANGE);
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.NO_SCOPE);
        assertThat(logs.queries).isEmpty();
    }

    @Test
    void loadsTheScopeOverTheRangeIntoABuffer() {
        FakeLogs logs = new FakeLogs();
        logs.lines = FakeLogs.mixed(300);
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setRange(RANGE);
        vm.setScope(POD);
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.LINES);
        assertThat(vm.bufferProperty().get().size()).isEqualTo(300);
        assertThat(logs.queries.getLast().scope()).isEqualTo(POD);
        assertThat(logs.queries.getLast().range()).isEqualTo(RANGE);
        assertThat(logs.queries.getLast().backward()).isTrue();
        logs.lines = List.of();
        vm.reload();
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.EMPTY);
    }

    @Test
    void logqlGoesOnlyToASourceThatSpeaksIt() {
        FakeLogs loki = new FakeLogs();
        LogsViewModel vm = new LogsViewModel(loki, NOW, NOW);
        vm.setScope(POD);
        vm.setRange(RANGE);
        vm.setLogQL(" {container=\"carts\"} |= \"error\" ");
        assertThat(loki.queries.getLast().logql()).isEqualTo("{container=\"carts\"} |= \"error\"");
        FakeLogs api = new FakeLogs();
        api.logql = false;
        LogsViewModel apiVm = new LogsViewModel(api, NOW, NOW);
        apiVm.setScope(POD);
        apiVm.setRange(RANGE);
        apiVm.setLogQL("{container=\"carts\"}");
        assertThat(api.queries.getLast().logql()).isEmpty();
        assertThat(apiVm.speaksLogQL()).isFalse();
    }

    @Test
    void aFailureIsShownInWords() {
        FakeLogs logs = new FakeLogs();
        logs.answer = CompletableFuture.failedFuture(new LogQueryException("bad_query",
                "parse error at line 1, col 12: syntax error: unexpected IDENTIFIER"));
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setScope(POD);
        vm.setRange(RANGE);
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.FAILED);
        assertThat(vm.messageProperty().get()).isEqualTo("parse error at line 1, col 12: syntax error: unexpected IDENTIFIER");
        assertThat(LogsViewModel.words(new java.util.concurrent.CompletionException(new IllegalStateException("boom\n\tat x.y(Z.java:1)"))))
                .isEqualTo("The logs could not be read: boom");
    }

    @Test
    void anOlderAnswerArrivingLateIsDropped() {
        FakeLogs logs = new FakeLogs();
        CompletableFuture<LogResult> slow = new CompletableFuture<>();
        logs.answer = slow;
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setScope(POD);
        vm.setRange(RANGE);
        logs.answer = null;
        logs.lines = FakeLogs.mixed(10);
        vm.reload();
        slow.complete(new LogResult(logs.queries.getFirst(), FakeLogs.mixed(99), Optional.empty(), true, List.of()));
        assertThat(vm.bufferProperty().get().size()).isEqualTo(10);
    }

    @Test
    void liveTailsIntoTheBufferAndReportsItsState() {
        FakeLogs logs = new FakeLogs();
        logs.lines = FakeLogs.mixed(20);
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        int[] appended = new int[1];
        vm.setOnAppended(() -> appended[0]++);
        vm.setScope(POD);
        vm.setRange(RANGE);
        vm.setLive(true);
        assertThat(logs.tails).hasSize(1);
        // the tail starts after the last line loaded
        assertThat(LogEntry.nanos(logs.tails.getFirst().range().from())).isEqualTo(FakeLogs.line(19).epochNanos() + 1);
        logs.listener.state(new LogTail.TailState.Connected());
        assertThat(vm.tailStateProperty().get()).isEqualTo("live");
        logs.listener.entries(List.of(FakeLogs.line(20), FakeLogs.line(21)));
        assertThat(vm.bufferProperty().get().size()).isEqualTo(22);
        assertThat(appended[0]).isEqualTo(1);
        logs.listener.dropped(5, 12);
        assertThat(vm.droppedProperty().get()).isEqualTo(12);
        logs.listener.state(new LogTail.TailState.Reconnecting("connection reset by Loki", 2000));
        assertThat(vm.tailStateProperty().get()).isEqualTo("reconnecting: connection reset by Loki");
        vm.setLive(false);
        assertThat(logs.tailClosed).isTrue();
        assertThat(vm.tailStateProperty().get()).isEqualTo("stopped");
        // a stopped tail's late lines do not land
        logs.listener.entries(List.of(FakeLogs.line(22)));
        assertThat(vm.bufferProperty().get().size()).isEqualTo(22);
    }

    @Test
    void aNewQueryRestartsTheTail() {
        FakeLogs logs = new FakeLogs();
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setScope(POD);
        vm.setRange(RANGE);
        vm.setLive(true);
        LogTail.Listener first = logs.listener;
        vm.setScope(new LogScope.Namespace("sock-shop"));
        assertThat(logs.tails).hasSize(2);
        assertThat(logs.tails.getLast().scope()).isEqualTo(new LogScope.Namespace("sock-shop"));
        first.entries(List.of(FakeLogs.line(1)));
        assertThat(vm.bufferProperty().get().size()).isZero();
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.EMPTY);
        logs.listener.entries(List.of(FakeLogs.line(1)));
        assertThat(vm.phaseProperty().get()).isEqualTo(LogsViewModel.Phase.LINES);
        vm.close();
        assertThat(logs.tailClosed).isTrue();
    }

    @Test
    void labelNamesAndValuesComplete() {
        FakeLogs logs = new FakeLogs();
        LogsViewModel vm = new LogsViewModel(logs, NOW, NOW);
        vm.setRange(RANGE);
        LabelCompletion c = vm.completion();
        assertThat(c.complete("{na")).isEmpty(); // asked now, answered for the next keystroke
        assertThat(c.complete("{na")).containsExactly("{namespace=\"");
        assertThat(c.complete("{namespace=\"so")).isEmpty();
        assertThat(c.complete("{namespace=\"so")).containsExactly("{namespace=\"sock-shop\"");
        assertThat(c.complete("{namespace=\"sock-shop\", con")).containsExactly("{namespace=\"sock-shop\", container=\"");
    }
}
