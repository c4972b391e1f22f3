package io.pitwall.ui.workspace;

import java.util.Arrays;
import java.util.Optional;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The panes of the workspace. The id is stable: saved layouts, {@code pitwall render --pane ID}
 * and the palette's "focus pane" actions use it.
 */
public enum PaneId {
    TOPOLOGY("topology", "Topology", MaterialDesignS.SITEMAP_OUTLINE),
    METRICS("metrics", "Metrics", MaterialDesignC.CHART_LINE),
    LOGS("logs", "Logs", MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE),
    TRACES("traces", "Traces", MaterialDesignC.CHART_GANTT),
    SECURITY("security", "Security", MaterialDesignS.SHIELD_ALERT_OUTLINE),
    ALERTS("alerts", "Alerts", MaterialDesignB.BELL_ALERT_OUTLINE),
    TIMELINE("timeline", "Timeline", MaterialDesignT.TIMELINE_CLOCK_OUTLINE),
    EVENTS("events", "Events", MaterialDesignC.CALENDAR_ALERT),
    DETAILS("details", "Details", MaterialDesignI.INFORMATION_OUTLINE);

    private final String id;
    private final String title;
    private final Ikon icon;

    PaneId(String id, String title, Ikon icon) {
        this.id = id;
        this.title = title;
        this.icon = icon;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Ikon icon() {
        return icon;
    }

    public static Optional<PaneId> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

}
