package io.pitwall.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.Severity;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.timeline.Lane;
import io.pitwall.connectors.timeline.Timeline;
import io.pitwall.connectors.timeline.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Timeline pane: lanes and their chips, the severity floor, choosing items, focus, the cursor and replay. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    private static final TimeRange WINDOW = new TimeRange(Instant.parse("2026-11-24T02:30:00Z"), Instant.parse("2026-11-24T03:30:00Z"));
    private static final KubeRef CARTS = new KubeRef("Pod", "sock-shop", "carts-1");
    private static final KubeRef ORDERS = new KubeRef("Pod", "sock-shop", "orders-1");
    private TimelineView view;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
    }

    private static Timeline story() {
        List<TimelineItem> items = new ArrayList<>();
        items.add(TimelineItem.at(t("02:50:00"), Lane.ROLLOUTS, Severity.LOW, new KubeRef("Deployment", "sock-shop", "carts"),
                "image carts:0.4.8 -> carts:0.4.9", ""));
        for (String kill : List.of("03:02:10", "03:09:40", "03:15:05", "03:22:30")) {
            items.add(TimelineItem.at(t(kill), Lane.RESTARTS, Severity.HIGH, CARTS, "carts OOMKilled", "restart"));
        }
        items.add(new TimelineItem(t("03:17:00"), t("03:30:00"), Lane.ALERTS, Severity.CRITICAL, Optional.of(CARTS),
                "KubePodCrashLooping", "", ""));
        items.add(TimelineItem.at(t("03:24:51"), Lane.SECURITY, Severity.CRITICAL, CARTS, "Terminal shell in container", ""));
        items.add(new TimelineItem(t("03:05:00"), t("03:05:00"), Lane.TRACES, Severity.MEDIUM, Optional.of(ORDERS),
                "orders POST /orders 500", "", "4bf92f3577b34da6a3ce929d0e0e4736"));
        items.add(TimelineItem.at(t("03:06:00"), Lane.WARNINGS, Severity.INFO, ORDERS, "Pulled", ""));
        return new Timeline(WINDOW, items, List.of("Loki: 503 Service Unavailable"));
    }

    private static Instant t(String hms) {
        return Instant.parse("2026-11-24T" + hms + "Z");
    }

    @Test
    void lanesCountTheirItemsAndChipsAndTheSeverityFloorFilterThem() {
        robot.interact(() -> view.show(story()));
        assertThat(view.laneChip(Lane.RESTARTS).getText()).isEqualTo("Restarts 4");
        assertThat(view.statusText()).isEqualTo("9 items \u00b7 1 source unread");
        assertThat(view.shownItems()).hasSize(9);
        // in time order: the rollout, the OOMKills, the alert and the Falco event
        assertThat(view.shownItems()).extracting(TimelineItem::title).containsSubsequence("image carts:0.4.8 -> carts:0.4.9",
                "carts OOMKilled", "carts OOMKilled", "carts OOMKilled", "KubePodCrashLooping", "carts OOMKilled",
                "Terminal shell in container");
        robot.clickOn(view.laneChip(Lane.RESTARTS));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.shownItems()).noneMatch(i -> i.lane() == Lane.RESTARTS);
        assertThat(view.canvas().lanes()).doesNotContain(Lane.RESTARTS);
        robot.interact(() -> {
            view.laneChip(Lane.RESTARTS).setSelected(true);
            view.leastSeverity().setValue(Severity.HIGH);
        });
        assertThat(view.shownItems()).hasSize(6).allMatch(i -> i.severity().compareTo(Severity.HIGH) <= 0);
    }

    @Test
    void clickingAnItemChoosesItAndElsewhereMovesTheCursor() {
        List<TimelineItem> chosen = new ArrayList<>();
        List<Instant> clicked = new ArrayList<>();
        List<Instant> hovered = new ArrayList<>();
        robot.interact(() -> {
            view.show(story());
            view.setOnItemChosen(chosen::add);
            view.canvas().setOnTimeClicked(clicked::add);
            view.canvas().setOnHover(hovered::add);
        });
        TimelineItem shell = view.shownItems().stream().filter(i -> i.lane() == Lane.SECURITY).findFirst().orElseThrow();
        Point2D at = view.canvas().pointOf(shell).orElseThrow();
        robot.clickOn(view.canvas().localToScreen(at));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).containsExactly(shell);
        assertThat(hovered).isNotEmpty();
        assertThat(hovered.getLast()).isBetween(t("03:23:00"), t("03:26:00"));
        // empty space on the security lane, well before its one item
        robot.clickOn(view.canvas().localToScreen(new Point2D(TimelineCanvas.LABEL_W + 20, at.getY())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).hasSize(1);
        assertThat(clicked).singleElement().satisfies(c -> assertThat(c).isBetween(WINDOW.from(), t("02:33:00")));
    }

    @Test
    void draggingAcrossTheLanesSetsAWindow() {
        List<TimeRange> ranges = new ArrayList<>();
        robot.interact(() -> {
            view.show(story());
            view.canvas().setOnRangeSelected(ranges::add);
        });
        double y = TimelineCanvas.LANE_H / 2;
        Point2D from = view.canvas().localToScreen(TimelineCanvas.LABEL_W + 100, y);
        Point2D to = view.canvas().localToScreen(TimelineCanvas.LABEL_W + 300, y);
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ranges).singleElement().satisfies(r -> {
            assertThat(r.from()).isAfter(WINDOW.from());
            assertThat(r.to()).isBefore(WINDOW.to());
            assertThat(r.length().toMinutes()).isBetween(10L, 40L);
        });
    }

    @Test
    void theFocusChipAndTheChangesListAndTheReplay() {
        List<TimelineItem> chosen = new ArrayList<>();
        List<Instant> moments = new ArrayList<>();
        boolean[] cleared = {false};
        robot.interact(() -> {
            view.show(story());
            view.setOnItemChosen(chosen::add);
            view.setFocus("Pod carts-1", CARTS::equals);
            view.setOnFocusCleared(() -> cleared[0] = true);
            TimelineItem rollout = view.shownItems().getFirst();
            view.showChanges("What changed? Pod carts-1",
                    List.of(new TimelineView.Change(rollout, "12 min before the first OOMKilled restart")));
            view.replay().setOnMoment(moments::add);
        });
        assertThat(robot.lookup("#timeline-focus").queryButton().isVisible()).isTrue();
        robot.clickOn("#timeline-focus");
        assertThat(cleared[0]).isTrue();
        robot.clickOn(robot.lookup("#timeline-changes .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).extracting(TimelineItem::lane).containsExactly(Lane.ROLLOUTS);
        // replay: on, the slider's moment goes out; a cursor chosen elsewhere moves it; off says null
        robot.interact(() -> view.replay().toggle().setSelected(true));
        assertThat(moments).singleElement().isEqualTo(WINDOW.to());
        robot.interact(() -> view.showCursor(t("03:02:10")));
        assertThat(moments.getLast()).isEqualTo(t("03:02:10"));
        assertThat(view.replay().moment()).isEqualTo(t("03:02:10"));
        robot.interact(() -> view.replay().toggle().setSelected(false));
        assertThat(moments.getLast()).isNull();
    }
}
