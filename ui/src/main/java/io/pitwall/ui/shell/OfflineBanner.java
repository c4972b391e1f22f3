package io.pitwall.ui.shell;

import io.pitwall.connectors.session.SessionInfo;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The strip under the top bar while an incident bundle is open: "Offline: captured from
 * CLUSTER at TIME", the window it holds, and that nothing is asked of any server. Hidden for a
 * live session.
 */
public final class OfflineBanner extends HBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Label text = new Label();

    public OfflineBanner() {
        setId("offline-banner");
        getStyleClass().add("pw-offline-banner");
        setSpacing(8);
        setStyle("-fx-padding: 4 10 4 10; -fx-alignment: center-left;");
        text.setId("offline-banner-text");
        getChildren().addAll(new FontIcon(MaterialDesignA.ARCHIVE_OUTLINE), text);
        show(null);
    }

    /** Shows the banner for an offline session, hides it for any other (null too). */
    public void show(SessionInfo info) {
        boolean offline = info != null && info.kind() == SessionInfo.Kind.OFFLINE;
        setVisible(offline);
        setManaged(offline);
        text.setText(offline ? words(info) : "");
    }

    public String text() {
        return text.getText();
    }

    /** "Offline: captured from prod-eu at 2026-11-24 03:30 UTC · window 02:30-03:30 · read-only, no connections". */
    static String words(SessionInfo info) {
        StringBuilder s = new StringBuilder("Offline: captured from ").append(info.cluster().or(info::context).orElse(info.title()));
        info.captured().ifPresent(w -> s.append(" at ").append(WHEN.format(w.to())).append(" \u00b7 window ")
                .append(TIME.format(w.from())).append('\u2013').append(TIME.format(w.to())));
        if (!info.namespaces().isEmpty()) {
            s.append(" \u00b7 ").append(String.join(", ", info.namespaces()));
        }
        return s.append(" \u00b7 ").append(info.title()).append(" \u00b7 read-only, nothing is asked of any server").toString();
    }
}
