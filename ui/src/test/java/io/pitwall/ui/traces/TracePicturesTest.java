package io.pitwall.ui.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the Traces pane in the dark theme, to look at: a real trace and a generated one of
 * 100,000 spans, written to {@code ui/target/pictures/}. Checks that what was drawn is the rows in view.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TracePicturesTest {

    static final Executor NOW = Runnable::run;
    static final Path OUT = Path.of("target", "pictures");

    private final FxRobot robot = new FxRobot();
    private final FakeTraces source = new FakeTraces();
    private TracesView pane;
    private Scene scene;

    @Start
    void start(Stage stage) {
        TracesViewModel model = new TracesViewModel(Optional.of(source), NOW, NOW);
        model.setRange(TracesViewModelTest.RANGE);
        pane = new TracesView(model);
        scene = new Scene(pane, 1240, 780);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        Path themes = Path.of("..", "themes", "src", "main", "resources", "io", "pitwall", "themes");
        for (String sheet : new String[] {"pitwall-base.css", "pitwall-dark.css"}) {
            if (Files.exists(themes.resolve(sheet))) {
                scene.getStylesheets().add(themes.resolve(sheet).toUri().toString());
            }
        }
        stage.setScene(scene);
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void modenaAgain() {
        // the other tests of this JVM run on JavaFX's own stylesheet
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(null));
    }

    private Path snapshot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            pane.waterfall().redrawNow();
            image[0] = scene.snapshot(null);
        });
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
        return file;
    }

    private void searchAll() {
        robot.interact(() -> {
            pane.viewModel().serviceProperty().set("checkout");
            pane.searchBar().run();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRealTrace() throws IOException {
        Trace t = TraceFixtures.fixture("zipkin-v2-smartthings-oauth-authorization.json");
        source.add(t).add(TraceFixtures.fixture("ui-trace-genai.json")).add(TraceFixtures.fixture("handmade-orphans-duplicates.json"))
                .add(TraceFixtures.fixture("ui-trace-overlapping-children-longer-than-parent.json"));
        searchAll();
        robot.interact(() -> pane.viewModel().open(t.traceId()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane.waterfall().select(t.preorder()[Math.min(3, t.spanCount() - 1)]));
        Path file = snapshot("traces-real.png");
        assertThat(file).isNotEmptyFile();
        int[] drawn = pane.waterfall().drawnSpans();
        assertThat(drawn.length).isBetween(pane.waterfall().visibleRows(), pane.waterfall().visibleRows() + 1);
        assertThat(drawn[0]).isEqualTo(t.preorder()[0]);
    }

    @Test
    void aShortTraceWithItsCriticalPath() throws IOException {
        Trace t = TraceFixtures.fixture("ui-trace-genai.json");
        robot.interact(() -> pane.open(t));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane.waterfall().select(t.preorder()[1]));
        snapshot("traces-genai.png");
        assertThat(pane.waterfall().data().criticalPath().spans().cardinality()).isPositive();
    }

    @Test
    void aHundredThousandSpans() throws IOException {
        Trace big = TraceFixtures.generated(100_000);
        source.add(big).add(TraceFixtures.fixture("ui-trace-genai.json"));
        searchAll();
        robot.interact(() -> pane.open(big));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            pane.waterfall().search("service-7");
            pane.waterfall().select(big.preorder()[40]);
        });
        Path file = snapshot("traces-100k.png");
        assertThat(file).isNotEmptyFile();
        int drawn = pane.waterfall().drawnSpans().length;
        assertThat(drawn).isBetween(5, 60);
        int top = pane.waterfall().rows().span(pane.waterfall().topRow());
        robot.interact(() -> pane.waterfall().collapseToDepth(3));
        snapshot("traces-100k-levels.png");
        // the top row stays, or its ancestor at level 3 takes its place
        int anchor = top;
        while (big.depth(anchor) > 3) {
            anchor = big.parent(anchor);
        }
        assertThat(pane.waterfall().rows().span(pane.waterfall().topRow())).isEqualTo(anchor);
    }

    @Test
    void aChainTwentyThousandLevelsDeepZoomed() throws IOException {
        Trace chain = TraceFixtures.chain(20_000);
        robot.interact(() -> pane.open(chain));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            pane.waterfall().select(19_990);
            pane.waterfall().zoom(chain.startNanos(19_900), chain.endNanos(19_900));
        });
        snapshot("traces-deep-chain-zoomed.png");
        assertThat(pane.waterfall().drawnSpans()).contains(19_990);
        assertThat(pane.waterfall().zoomed()).isTrue();
    }

    @Test
    void noSource() throws IOException {
        robot.interact(() -> {
            TracesView none = new TracesView(new TracesViewModel(Optional.empty(), NOW, NOW));
            scene.setRoot(none);
            pane = none;
        });
        assertThat(pane.emptyState().hintText()).contains("Jaeger or Zipkin");
        snapshot("traces-no-source.png");
    }
}
