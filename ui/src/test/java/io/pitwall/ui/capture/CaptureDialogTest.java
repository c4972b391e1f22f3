package io.pitwall.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.IncidentCapture;
import io.pitwall.connectors.session.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The capture dialog's choices and refusals, and the progress view's lines and outcome. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CaptureDialogTest {

    private static final TimeRange WINDOW = TimeRange.ending(Instant.parse("2026-11-24T04:00:00Z"), Duration.ofHours(1));
    private final FxRobot robot = new FxRobot();
    private CaptureDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void close() {
        robot.interact(() -> {
            if (dialog != null) {
                dialog.close();
            }
        });
    }

    private void open(Path file) {
        robot.interact(() -> {
            dialog = new CaptureDialog(WINDOW, List.of("shop"), Map.of(Signal.TRACES, "not connected"), file,
                    typed -> Optional.of(Path.of("/tmp/chosen.pitwall")), c -> "about " + c.signals().size() + " signals",
                    p -> p.toString().startsWith("/missing") ? Optional.of("The folder /missing does not exist.") : Optional.empty());
            dialog.show();
        });
    }

    @Test
    void theChoiceHoldsTheNamespacesSignalsNoteAndFileAndOkNeedsOneSignalAndAFolder() {
        open(Path.of("/tmp/incident.pitwall"));
        assertThat(robot.lookup("#capture-signal-traces").queryLabeled().getText()).isEqualTo("Traces  (not connected)");
        robot.interact(() -> {
            robot.lookup("#capture-signal-logs").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            robot.lookup("#capture-note").queryTextInputControl().setText("# Carts OOM");
            robot.lookup("#capture-namespaces").queryTextInputControl().setText("shop, pay");
        });
        CaptureDialog.Choice c = dialog.choice().orElseThrow();
        assertThat(c.namespaces()).containsExactly("shop", "pay");
        assertThat(c.signals()).contains(Signal.CLUSTER, Signal.METRICS, Signal.ALERTS, Signal.TRACES, Signal.SECURITY)
                .doesNotContain(Signal.LOGS);
        assertThat(c.note()).isEqualTo("# Carts OOM");
        assertThat(c.file()).isEqualTo(Path.of("/tmp/incident.pitwall"));
        assertThat(dialog.estimateText()).isEqualTo("about 5 signals");

        robot.interact(() -> robot.lookup("#capture-browse").queryButton().fire());
        assertThat(robot.lookup("#capture-file").queryTextInputControl().getText()).isEqualTo("/tmp/chosen.pitwall");

        robot.interact(() -> robot.lookup("#capture-file").queryTextInputControl().setText("/missing/x.pitwall"));
        assertThat(dialog.problemText()).isEqualTo("The folder /missing does not exist.");
        assertThat(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isTrue();

        robot.interact(() -> {
            robot.lookup("#capture-file").queryTextInputControl().setText("/tmp/x.pitwall");
            for (Signal s : CaptureDialog.OFFERED) {
                robot.lookup("#capture-signal-" + s.bundleFolder()).queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
            }
        });
        assertThat(dialog.problemText()).isEqualTo("Choose at least one signal.");
        assertThat(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isTrue();
    }

    @Test
    void progressSaysEachSignalsPartAndTheOutcome() {
        CaptureProgressView[] view = new CaptureProgressView[1];
        robot.interact(() -> view[0] = new CaptureProgressView(java.util.Set.of(Signal.CLUSTER, Signal.LOGS)));
        robot.interact(() -> {
            view[0].started(Signal.CLUSTER);
            view[0].finished(new IncidentCapture.Part(Signal.CLUSTER, 3, 2048, List.of()));
            view[0].started(Signal.LOGS);
        });
        assertThat(view[0].stateText(Signal.CLUSTER)).isEqualTo("3 files, 2 KB");
        assertThat(view[0].stateText(Signal.LOGS)).isEqualTo("capturing\u2026");
        robot.interact(() -> {
            view[0].finished(new IncidentCapture.Part(Signal.LOGS, 0, 0, List.of("Loki answered 403 Forbidden")));
            view[0].ended(new IncidentCapture.Result(IncidentCapture.Outcome.PARTIAL, Path.of("/tmp/x.pitwall"), List.of(),
                    2048, ""));
        });
        assertThat(view[0].stateText(Signal.LOGS)).isEqualTo("nothing written; Loki answered 403 Forbidden");
        assertThat(view[0].outcomeText()).startsWith("Captured into /tmp/x.pitwall (2 KB), with the problems above");
        assertThat(view[0].openButton().isVisible()).isTrue();
        assertThat(view[0].cancelButton().isVisible()).isFalse();
        robot.interact(() -> view[0].ended(new IncidentCapture.Result(IncidentCapture.Outcome.CANCELLED, Path.of("/tmp/x"),
                List.of(), 0, "")));
        assertThat(view[0].outcomeText()).isEqualTo("Cancelled: nothing was written.");
        assertThat(view[0].openButton().isVisible()).isFalse();
    }
}
