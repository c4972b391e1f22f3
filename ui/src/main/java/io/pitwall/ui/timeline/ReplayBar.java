package io.pitwall.ui.timeline;

import io.pitwall.connectors.model.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Replay: a slider over the window that puts the workspace back at one moment (the topology as it
 * stood then, every time axis's cursor there), and a play button that walks it through the
 * window in about thirty seconds. Off, the panes show the end of the window as before.
 */
public final class ReplayBar extends HBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Ticks of the play button's walk through the window: 300 of 100 ms. */
    private static final int STEPS = 300;

    private final ToggleButton replaying = new ToggleButton("Replay");
    private final Button play = new Button();
    private final Slider slider = new Slider(0, 1, 1);
    private final Label at = new Label();
    private final Timeline walk = new Timeline(new KeyFrame(Duration.millis(100), e -> step()));
    private TimeRange window = new TimeRange(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
    private Consumer<Instant> onMoment = t -> { };

    public ReplayBar() {
        setId("timeline-replay");
        getStyleClass().add("pw-replay");
        setSpacing(6);
        setStyle("-fx-padding: 0 6 0 6; -fx-alignment: center-left;");
        replaying.setId("timeline-replay-toggle");
        replaying.getStyleClass().add("small");
        replaying.setGraphic(new FontIcon(MaterialDesignR.REPLAY));
        replaying.setTooltip(new Tooltip("Put the workspace back at one moment of the window: the topology as it stood then"));
        play.setId("timeline-replay-play");
        play.getStyleClass().addAll("small", "flat");
        play.setGraphic(new FontIcon(MaterialDesignP.PLAY));
        play.setTooltip(new Tooltip("Play the window from the slider's moment"));
        slider.setId("timeline-replay-slider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        at.setId("timeline-replay-at");
        at.getStyleClass().add("text-muted");
        walk.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(replaying, play, slider, at);
        replaying.selectedProperty().addListener((o, a, on) -> {
            if (!on) {
                walk.stop();
                showPlaying(false);
            }
            enable();
            onMoment.accept(on ? moment() : null);
        });
        play.setOnAction(e -> {
            if (walk.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                walk.stop();
                showPlaying(false);
                return;
            }
            replaying.setSelected(true);
            if (slider.getValue() >= 1) {
                slider.setValue(0);
            }
            walk.play();
            showPlaying(true);
        });
        slider.valueProperty().addListener((o, a, b) -> {
            at.setText(TIME.format(moment()));
            if (replaying.isSelected()) {
                onMoment.accept(moment());
            }
        });
        enable();
        at.setText(TIME.format(moment()));
    }

    private void enable() {
        slider.setDisable(!replaying.isSelected());
    }

    private void showPlaying(boolean playing) {
        play.setGraphic(new FontIcon(playing ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
    }

    private void step() {
        double next = slider.getValue() + 1.0 / STEPS;
        if (next >= 1) {
            next = 1;
            walk.stop();
            showPlaying(false);
        }
        slider.setValue(next);
    }

    /** The moment the slider stands at. */
    public Instant moment() {
        long from = window.from().toEpochMilli();
        long to = window.to().toEpochMilli();
        return Instant.ofEpochMilli(from + Math.round((to - from) * slider.getValue()));
    }

    /** Where replayed moments go: an instant while replaying, null when replay stops. */
    public void setOnMoment(Consumer<Instant> action) {
        onMoment = action == null ? t -> { } : action;
    }

    public void setWindow(TimeRange range) {
        Instant keep = replaying.isSelected() ? moment() : null;
        window = range;
        if (keep != null) {
            showCursor(keep);
        }
        at.setText(TIME.format(moment()));
    }

    /** While replaying, a cursor chosen elsewhere moves the slider (and so the replay) there. */
    public void showCursor(Instant cursor) {
        if (cursor == null || !replaying.isSelected()) {
            return;
        }
        long from = window.from().toEpochMilli();
        long to = Math.max(window.to().toEpochMilli(), from + 1);
        double v = Math.max(0, Math.min(1, (double) (cursor.toEpochMilli() - from) / (to - from)));
        if (cursor.toEpochMilli() != moment().toEpochMilli()) {
            slider.setValue(v); // the listener replays there
        }
    }

    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.selectedProperty();
    }

    public ToggleButton toggle() {
        return replaying;
    }

    public Slider slider() {
        return slider;
    }

    public Button playButton() {
        return play;
    }

    /** Stops replaying (a new session, a new window far away). */
    public void stop() {
        replaying.setSelected(false);
    }
}
