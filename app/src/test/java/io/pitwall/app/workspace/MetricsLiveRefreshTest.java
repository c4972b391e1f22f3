package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.AlertsSource;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.ui.event.WorkspaceEvents;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live mode: the time range follows the clock every tick, but graphs and alerts are read again
 * only at the step (at least {@link MetricsPanes#LIVE_REFRESH}), not at every tick; a paused range
 * that moves is read at once.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MetricsLiveRefreshTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** Counts the range queries and alert reads; answers each with nothing. */
    private static final class CountingSources implements MetricsSource, AlertsSource {
        final List<TimeRange> ranges = new CopyOnWriteArrayList<>();
        final AtomicInteger alertReads = new AtomicInteger();

        @Override
        public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
            ranges.add(range);
            return CompletableFuture.completedFuture(new RangeResult(promql, range, step, List.of(), List.of()));
        }

        @Override
        public CompletableFuture<List<String>> metricNames() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<String>> labelNames() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<String>> labelValues(String label) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public Optional<Duration> scrapeInterval() {
            return Optional.of(Duration.ofSeconds(15));
        }

        @Override
        public CompletableFuture<List<Alert>> alerts() {
            alertReads.incrementAndGet();
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private final FxRobot robot = new FxRobot();

    @Test
    void aLiveRangeIsReadAgainAtTheStepNotAtEveryTick() throws Exception {
        HandClock clock = new HandClock();
        CountingSources sources = new CountingSources();
        Session session = new Session() {
            @Override
            public SessionInfo info() {
                return new SessionInfo(SessionInfo.Kind.LIVE, "prod", Optional.of("prod"), Optional.of("prod"),
                        Optional.empty(), List.of());
            }

            @Override
            public Map<Signal, SourceState> states() {
                return Map.of();
            }

            @Override
            public Optional<MetricsSource> metrics() {
                return Optional.of(sources);
            }

            @Override
            public Optional<AlertsSource> alerts() {
                return Optional.of(sources);
            }

            @Override
            public void close() {
            }
        };
        TimeRangeModel[] model = new TimeRangeModel[1];
        MetricsPanes[] panes = new MetricsPanes[1];
        robot.interact(() -> {
            model[0] = new TimeRangeModel(clock);
            model[0].setRelative(Duration.ofHours(1));
            model[0].setLive(true);
            panes[0] = new MetricsPanes(model[0], clock, new WorkspaceEvents(), () -> session, Optional::empty,
                    new PaneContent(PaneId.METRICS), new PaneContent(PaneId.ALERTS), io.pitwall.connectors.mapping.PromLabels.DEFAULTS);
            panes[0].show(session);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !sources.ranges.isEmpty() && sources.alertReads.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        int firstRead = sources.ranges.size();
        Instant firstEnd = sources.ranges.getLast().to();

        // ticks every second for 10 s: the window follows the clock, nothing is read
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            robot.interact(model[0]::tick);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model[0].range().to()).isEqualTo(firstEnd.plusSeconds(10));
        assertThat(sources.ranges).hasSize(firstRead);
        assertThat(sources.alertReads).hasValue(1);

        // at 15 s (the step here is shorter, so the floor of 15 s rules), everything is read again, ending now
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            robot.interact(model[0]::tick);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sources.ranges.size() == 2 * firstRead);
        assertThat(sources.ranges.getLast().to()).isEqualTo(firstEnd.plusSeconds(15));
        assertThat(sources.alertReads).hasValue(2);

        // paused, a range the user moves is read at once
        robot.interact(() -> {
            model[0].setLive(false);
            model[0].setAbsolute(new TimeRange(firstEnd.minusSeconds(7200), firstEnd.minusSeconds(3600)));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sources.ranges.size() >= 3 * firstRead);
        assertThat(sources.ranges.getLast().to()).isEqualTo(firstEnd.minusSeconds(3600));
        assertThat(MetricsPanes.LIVE_REFRESH).isEqualTo(Duration.ofSeconds(15));
    }
}
