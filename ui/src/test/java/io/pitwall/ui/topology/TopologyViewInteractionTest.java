package io.pitwall.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pitwall.connectors.model.ClusterState;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.ui.topology.TopologyLayout.Box;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The topology view driven as a user drives it: mouse on the picture, the minimap and the
 * chevrons, keys, the find field; its view model lays out on the same thread.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TopologyViewInteractionTest {

    private static final Color OK = Color.web("#20c040");
    private static final Color CRITICAL = Color.web("#ff2020");

    private final FxRobot robot = new FxRobot();
    private TopologyView view;
    private TopologyViewModel vm;

    @Start
    void start(Stage stage) {
        view = new TopologyView();
        vm = new TopologyViewModel(Runnable::run, Runnable::run, view::setLayout);
        view.setCollapseHandler(vm::setCollapsed);
        Scene scene = new Scene(view, 900, 600);
        scene.getStylesheets().add(getClass().getResource("tokens.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Shows {@code state} at scale 1 with the web group in the middle. */
    private TopologyLayout show(ClusterState state) {
        robot.interact(() -> {
            vm.offer(state);
            view.setScale(1);
            Box web = view.layoutShown().boxes().get("Deployment shop/web");
            view.centreOn(web.x() + web.w() / 2, web.y() + web.h() / 2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view.layoutShown();
    }

    private Point2D screen(double x, double y) {
        Point2D local = view.toView(x, y);
        return view.localToScreen(local.getX(), local.getY());
    }

    private Point2D cellCentre(Box box, int slot) {
        double[] c = TopologyLayout.cell(box, slot);
        return screen(c[0] + TopologyLayout.CELL / 2, c[1] + TopologyLayout.CELL / 2);
    }

    private Color pixel(Point2D screenPoint) {
        Color[] out = new Color[1];
        robot.interact(() -> {
            Point2D local = view.screenToLocal(screenPoint);
            out[0] = view.snapshot(null, null).getPixelReader().getColor((int) local.getX(), (int) local.getY());
        });
        return out[0];
    }

    private static void assertColour(Color actual, Color expected) {
        assertThat(actual.getRed()).isCloseTo(expected.getRed(), within(0.04));
        assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), within(0.04));
        assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), within(0.04));
    }

    private Point2D viewportCentre() {
        Rectangle2D v = view.viewport();
        return new Point2D(v.getMinX() + v.getWidth() / 2, v.getMinY() + v.getHeight() / 2);
    }

    @Test
    void clickingAndDraggingInTheMinimapMovesTheView() {
        TopologyLayout l = show(TopologyFixtures.cluster(12, 30));
        Minimap map = view.minimap();
        robot.interact(view::fit);
        assertThat(map.isVisible()).as("all of it in view: no minimap").isFalse();
        robot.interact(() -> view.setScale(2));
        assertThat(map.isVisible()).isTrue();
        Box db = l.boxes().get("StatefulSet pay/db");
        Point2D at = map.localToScreen(map.toMinimap(db.x() + db.w() / 2, db.y() + db.h() / 2));
        robot.clickOn(at);
        assertThat(viewportCentre().getX()).isCloseTo(db.x() + db.w() / 2, within(l.width() / 100));
        assertThat(viewportCentre().getY()).isCloseTo(db.y() + db.h() / 2, within(l.height() / 100));

        Box node = l.boxes().get("Node node-2");
        Point2D to = map.localToScreen(map.toMinimap(node.x() + node.w() / 2, node.y()));
        robot.drag(at, MouseButton.PRIMARY).dropTo(to);
        assertThat(viewportCentre().getX()).isCloseTo(node.x() + node.w() / 2, within(l.width() / 100));
        assertThat(view.selectedProperty().get()).as("the minimap selects nothing").isNull();
    }

    @Test
    void findSelectsAndCentresEachMatchInTurn() {
        TopologyLayout l = show(TopologyFixtures.cluster(12, 30));
        robot.interact(() -> view.setScale(0.3));
        robot.clickOn(screen(l.bands().getFirst().x() + 4, l.bands().getFirst().y() + 4));
        robot.write("/");
        assertThat(view.searchShown() && view.searchField().isFocused()).isTrue();
        robot.write("web-abc-1");
        // a click on the find bar (here its count) is the bar's: the focus stays in the field
        robot.clickOn("#topology-search-count");
        assertThat(view.searchField().isFocused()).isTrue();
        assertThat(view.selectedProperty().get()).isNull();
        // the equal name first, then those starting with it
        assertThat(view.searchMatches()).extracting(KubeRef::name).containsExactly("web-abc-1", "web-abc-10", "web-abc-11");
        assertThat(view.searchCount()).isEqualTo("3 matches");

        robot.type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get()).isEqualTo(new KubeRef("Pod", "shop", "web-abc-1"));
        assertThat(view.scale()).isGreaterThanOrEqualTo(TopologyView.READABLE);
        Rectangle2D cell = view.rectOf(new KubeRef("Pod", "shop", "web-abc-1"));
        assertThat(view.viewport().contains(cell)).isTrue();
        assertThat(viewportCentre().getX()).isCloseTo(cell.getMinX() + cell.getWidth() / 2, within(1.0));
        assertThat(view.searchCount()).isEqualTo("1 / 3");

        robot.type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get().name()).isEqualTo("web-abc-10");
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get().name()).as("after the last, the first again").isEqualTo("web-abc-1");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(view.selectedProperty().get().name()).isEqualTo("web-abc-11");

        // Escape closes the field and its highlights; a second one clears the selection
        robot.type(KeyCode.ESCAPE);
        assertThat(view.searchShown()).isFalse();
        assertThat(view.searchMatches()).isEmpty();
        assertThat(view.isFocused()).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(view.selectedProperty().get()).isNull();

        // Ctrl+F opens it as well; a node is found by its name
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("node-3").type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get()).isEqualTo(new KubeRef("Node", "", "node-3"));
    }

    @Test
    void arrowsMoveTheSelectionAndKeysZoomAndFit() {
        TopologyLayout l = show(TopologyFixtures.cluster(40, 30));
        Box web = l.boxes().get("Deployment shop/web");
        robot.clickOn(cellCentre(web, 0));
        assertThat(view.selectedProperty().get()).isEqualTo(web.pods().get(0).ref());

        robot.type(KeyCode.RIGHT);
        assertThat(view.selectedProperty().get()).isEqualTo(web.pods().get(1).ref());
        robot.type(KeyCode.DOWN);
        assertThat(view.selectedProperty().get()).isEqualTo(web.pods().get(1 + web.columns()).ref());
        robot.type(KeyCode.UP).type(KeyCode.UP);
        assertThat(view.selectedProperty().get()).isEqualTo(web.ref());
        robot.type(KeyCode.LEFT);
        assertThat(view.selectedProperty().get()).isEqualTo(new KubeRef("Service", "shop", "web"));

        double scale = view.scale();
        robot.write("+");
        assertThat(view.scale()).isCloseTo(scale * 1.25, within(1e-9));
        robot.write("-").write("-");
        assertThat(view.scale()).isCloseTo(scale / 1.25, within(1e-9));
        robot.write("0");
        assertThat(view.viewport().contains(new Rectangle2D(0, 0, l.width(), l.height()))).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(view.selectedProperty().get()).isNull();
    }

    @Test
    void aGroupsChevronCollapsesAndExpandsItAndTheChoiceOutlivesUpdates() {
        TopologyLayout l = show(TopologyFixtures.cluster(12, TopologyLayout.COLLAPSE_ABOVE + 1));
        Box big = l.boxes().get("Deployment shop/big");
        assertThat(big.collapsed()).isTrue();
        robot.interact(() -> view.centreOn(big.x() + big.w() / 2, big.y() + big.h() / 2));
        robot.clickOn(screen(big.x() + 10, big.y() + TopologyLayout.HEADER / 2));
        assertThat(view.layoutShown().boxes().get("Deployment shop/big").collapsed()).isFalse();
        assertThat(view.selectedProperty().get()).as("the chevron does not select").isNull();

        // a new state: one more pod, a restart; the group stays expanded
        robot.interact(() -> vm.offer(TopologyFixtures.cluster(12, TopologyLayout.COLLAPSE_ABOVE + 2,
                p -> p.name().equals("big-xyz-7") ? TopologyFixtures.restarted(p) : p)));
        Box later = view.layoutShown().boxes().get("Deployment shop/big");
        assertThat(later.collapsed()).isFalse();
        assertThat(later.pods()).hasSize(TopologyLayout.COLLAPSE_ABOVE + 2);

        // from the keyboard: Shift+Enter collapses the selected group, Enter expands it
        robot.clickOn(screen(later.x() + 60, later.y() + TopologyLayout.HEADER / 2));
        assertThat(view.selectedProperty().get()).isEqualTo(later.ref());
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(view.layoutShown().boxes().get("Deployment shop/big").collapsed()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(view.layoutShown().boxes().get("Deployment shop/big").collapsed()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(view.selectedProperty().get()).as("Enter on an expanded group goes to its first pod")
                .isEqualTo(view.layoutShown().boxes().get("Deployment shop/big").pods().getFirst().ref());
    }

    @Test
    void selectingANodeHighlightsItsPodsAndDimsTheRest() {
        // big's two pods run on node-1 and node-2
        TopologyLayout l = show(TopologyFixtures.cluster(12, 2));
        Box node = l.boxes().get("Node node-3");
        robot.interact(() -> view.centreOn(node.x() + node.w() / 2, node.y() + node.h() / 2));
        robot.clickOn(screen(node.x() + node.w() / 2, node.y() + node.h() / 2));
        assertThat(view.selectedProperty().get()).isEqualTo(new KubeRef("Node", "", "node-3"));
        Set<String> onNode = l.topology().groups().stream().flatMap(g -> g.pods().stream())
                .filter(p -> p.nodeName().equals("node-3")).map(PodInfo::name).collect(Collectors.toSet());
        assertThat(onNode).contains("web-abc-5", "db-1");
        assertThat(view.highlightedNode()).isEqualTo("node-3");
        assertThat(view.highlightedPods()).extracting(KubeRef::name).containsExactlyInAnyOrderElementsOf(onNode);
        assertThat(view.highlightedBoxes()).contains("Deployment shop/web", "Service shop/web", "StatefulSet pay/db")
                .doesNotContain("Deployment shop/big");

        // on screen: a pod on node-3 keeps its colour, one elsewhere fades into the background
        Box web = l.boxes().get("Deployment shop/web");
        robot.interact(() -> view.centreOn(web.x() + web.w() / 2, web.y() + web.h() / 2));
        int on = web.pods().stream().map(PodInfo::name).toList().indexOf("web-abc-5");
        int off = web.pods().stream().map(PodInfo::name).toList().indexOf("web-abc-4");
        assertColour(pixel(cellCentre(web, on)), OK);
        Color faded = pixel(cellCentre(web, off));
        assertThat(faded.getGreen()).isLessThan(OK.getGreen() * 0.5);
    }

    @Test
    void badgesAreDrawnOnBoxesAndPodsAndSummedUpOnGroups() {
        TopologyLayout l = show(TopologyFixtures.cluster(12, 3));
        Box web = l.boxes().get("Deployment shop/web");
        Box svc = l.boxes().get("Service shop/web");
        KubeRef pod = web.pods().get(3).ref();
        robot.interact(() -> view.setBadges(Map.of(
                svc.ref(), new Badge(Badge.Severity.CRITICAL, ""),
                pod, new Badge(Badge.Severity.CRITICAL, "CVE"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.badges()).hasSize(2);
        assertThat(view.groupBadge("Deployment shop/web")).isEqualTo(new Badge(Badge.Severity.CRITICAL, "1"));

        // the service's pill sits on its top edge near the right; the pod's dot on its cell's top right corner
        assertColour(pixel(screen(svc.x() + svc.w() - 6 - 8, svc.y())), CRITICAL);
        double[] c = TopologyLayout.cell(web, 3);
        assertColour(pixel(screen(c[0] + TopologyLayout.CELL - 1.2, c[1] + 0.8)), CRITICAL);

        robot.interact(() -> view.setBadges(Map.of()));
        assertThat(view.groupBadge("Deployment shop/web")).isNull();
        assertThat(pixel(screen(svc.x() + svc.w() - 6 - 8, svc.y())).getRed()).isLessThan(0.5);
    }
}
