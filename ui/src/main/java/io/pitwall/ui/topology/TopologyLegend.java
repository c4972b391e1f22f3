package io.pitwall.ui.topology;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

/** The words the topology draws besides names: the legend of health colours, kinds in short, clipped text. */
final class TopologyLegend {

    static final Font LEGEND = Font.font(11);

    private TopologyLegend() {
    }

    /** What each health colour means, at the bottom left of the view. */
    static void draw(GraphicsContext g, TopologyColours colours, double h) {
        g.setFont(LEGEND);
        double width = 12;
        for (PodHealth ph : PodHealth.values()) {
            width += 16 + ph.label().length() * 6.2 + 10;
        }
        double y = h - 32;
        g.setFill(colours.border());
        g.fillRoundRect(10, y, width, 22, 8, 8);
        g.setFill(colours.subtle());
        g.fillRoundRect(11, y + 1, width - 2, 20, 7, 7);
        double x = 18;
        for (PodHealth ph : PodHealth.values()) {
            g.setFill(colours.health(ph));
            g.fillRoundRect(x, y + 6, 10, 10, 3, 3);
            g.setFill(colours.fg());
            g.fillText(ph.label(), x + 14, y + 11.5);
            x += 16 + ph.label().length() * 6.2 + 10;
        }
    }

    static String kindWord(String kind) {
        return switch (kind) {
            case "Deployment" -> "deploy";
            case "StatefulSet" -> "sts";
            case "DaemonSet" -> "ds";
            case "ReplicaSet" -> "rs";
            case "CronJob" -> "cronjob";
            case "Job" -> "job";
            case "Pod" -> "pod";
            default -> kind.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** {@code s} cut to about {@code width} pixels at {@code charWidth} per character, with an ellipsis. */
    static String clip(String s, double width, double charWidth) {
        int most = (int) (width / Math.max(0.1, charWidth));
        if (s.length() <= most) {
            return s;
        }
        return most <= 1 ? "" : s.substring(0, most - 1) + "\u2026";
    }
}
