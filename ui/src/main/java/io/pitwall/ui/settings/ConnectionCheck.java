package io.pitwall.ui.settings;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * "Test connection": runs the test the caller starts (its future completes off the FX thread),
 * shows a busy indicator meanwhile, then the server's version or the exact reason it failed.
 */
final class ConnectionCheck {

    private final Supplier<Optional<String>> problem;
    private final Supplier<CompletableFuture<String>> start;
    final Button button = new Button("Test connection");
    final ProgressIndicator busy = new ProgressIndicator();
    final Label result = new Label();
    private final javafx.scene.layout.VBox node;
    private int run;

    /**
     * @param problem what keeps the settings from being tried (the first error shown), if anything
     * @param start   starts the test on the settings as they are now
     */
    ConnectionCheck(String prefix, Supplier<Optional<String>> problem, Supplier<CompletableFuture<String>> start) {
        this.problem = problem;
        this.start = start;
        button.setId(prefix + "-test");
        busy.setId(prefix + "-test-busy");
        result.setId(prefix + "-test-result");
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> test());
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, button, busy);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        node = new javafx.scene.layout.VBox(6, row, result);
        node.getStyleClass().add("pw-connection-check");
    }

    javafx.scene.layout.VBox node() {
        return node;
    }

    private void test() {
        Optional<String> why = problem.get();
        if (why.isPresent()) {
            show(false, "Fix the settings first: " + why.get());
            return;
        }
        int mine = ++run;
        button.setDisable(true);
        busy.setVisible(true);
        result.setGraphic(null);
        result.getStyleClass().removeAll("pw-ok", "pw-critical");
        result.setText("Connecting\u2026");
        CompletableFuture<String> test;
        try {
            test = start.get();
        } catch (RuntimeException e) {
            test = CompletableFuture.failedFuture(e);
        }
        test.whenComplete((version, error) -> Platform.runLater(() -> {
            if (mine != run) {
                return;
            }
            button.setDisable(false);
            busy.setVisible(false);
            if (error == null) {
                show(true, version);
            } else {
                show(false, reason(error));
            }
        }));
    }

    private void show(boolean ok, String text) {
        result.getStyleClass().removeAll("pw-ok", "pw-critical");
        result.getStyleClass().add(ok ? "pw-ok" : "pw-critical");
        FontIcon icon = new FontIcon(ok ? MaterialDesignC.CHECK_CIRCLE_OUTLINE : MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add(ok ? "pw-ok-icon" : "pw-critical-icon");
        result.setGraphic(icon);
        result.setText(text);
        result.setTooltip(new Tooltip(text));
    }

    /** The failure's own message, as the connector wrote it. */
    static String reason(Throwable error) {
        Throwable c = error;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof CancellationException) {
            return "The test was cancelled.";
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
