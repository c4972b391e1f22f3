package io.pitwall.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.TimeRange;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TimeRangeDialogTest {

    private final FxRobot robot = new FxRobot();
    private static final TimeRange NOW = new TimeRange(Instant.parse("2026-11-25T02:00:00Z"),
            Instant.parse("2026-11-25T03:00:00Z"));

    @Test
    void parsesLocalTimesAndRefusesBackwardOrGarbage() {
        TimeRangeDialog[] holder = new TimeRangeDialog[1];
        robot.interact(() -> holder[0] = new TimeRangeDialog(NOW, ZoneOffset.UTC));
        TimeRangeDialog dialog = holder[0];
        assertThat(dialog.fromField().getText()).isEqualTo("2026-11-25 02:00:00");
        assertThat(dialog.parse()).contains(NOW);

        robot.interact(() -> {
            dialog.fromField().setText("2026-11-24 22:00");
            dialog.toField().setText("2026-11-24 23:30");
        });
        assertThat(dialog.parse()).contains(new TimeRange(Instant.parse("2026-11-24T22:00:00Z"),
                Instant.parse("2026-11-24T23:30:00Z")));
        assertThat(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isFalse();

        robot.interact(() -> dialog.toField().setText("2026-11-24 21:00"));
        assertThat(dialog.parse()).isEmpty();
        assertThat(dialog.getDialogPane().lookupButton(ButtonType.OK).isDisabled()).isTrue();

        robot.interact(() -> dialog.toField().setText("yesterday"));
        assertThat(dialog.parse()).isEmpty();
    }
}
