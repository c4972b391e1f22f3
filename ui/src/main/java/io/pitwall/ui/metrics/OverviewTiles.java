package io.pitwall.ui.metrics;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import eu.hansolo.tilesfx.chart.ChartData;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.Overview;
import io.pitwall.ui.fx.ThemeColors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;

/**
 * The overview of the cluster or a namespace as TilesFX tiles: CPU and memory used against
 * allocatable, pods by phase, restarts, firing alerts, nodes ready. Coloured from the theme.
 */
public final class OverviewTiles extends FlowPane {

    private static final double SIZE = 150;
    private static final double HEIGHT = 112;

    private final ThemeColors colours;
    private final Tile cpu = percentage("CPU");
    private final Tile memory = percentage("Memory");
    private final Tile pods = TileBuilder.create().skinType(Tile.SkinType.DONUT_CHART).title("Pods").prefSize(SIZE, HEIGHT).build();
    private final Tile restarts = number("Restarts");
    private final Tile alerts = number("Firing alerts");
    private final Tile nodes = number("Nodes ready");
    private Overview shown;

    public OverviewTiles() {
        setId("overview-tiles");
        getStyleClass().add("pw-overview-tiles");
        setHgap(8);
        setVgap(8);
        getChildren().addAll(cpu, memory, pods, restarts, alerts, nodes);
        colours = new ThemeColors(this, getChildren(), "-pw-bg-subtle", "-pw-fg", "-pw-fg-muted", "-pw-accent", "-pw-ok",
                "-pw-warn", "-pw-critical", "-pw-border");
        sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(this::restyle);
            }
        });
    }

    public void show(Overview o) {
        shown = o;
        usage(cpu, o.cpuUsed(), o.cpuAllocatable(), Unit.CORES);
        usage(memory, o.memoryUsed(), o.memoryAllocatable(), Unit.BYTES);
        List<ChartData> phases = new ArrayList<>();
        for (Map.Entry<String, Integer> e : o.podsByPhase().entrySet()) {
            phases.add(new ChartData(e.getKey(), e.getValue(), phaseColour(e.getKey())));
        }
        pods.setChartData(phases);
        pods.setDescription(o.podsByPhase().values().stream().mapToInt(Integer::intValue).sum() + " pods in " + o.scope());
        restarts.setValue(o.restarts());
        restarts.setDescription("container restarts");
        alerts.setValue(o.firingAlerts());
        alerts.setValueColor(o.firingAlerts() > 0 ? colours.get("-pw-critical", Color.RED) : colours.get("-pw-fg", Color.WHITE));
        nodes.setValue(o.nodesReady());
        nodes.setDescription("of " + o.nodes() + (o.nodes() == 1 ? " node" : " nodes"));
        nodes.setValueColor(o.nodesReady() < o.nodes() ? colours.get("-pw-warn", Color.ORANGE) : colours.get("-pw-fg", Color.WHITE));
    }

    public Overview shown() {
        return shown;
    }

    public List<Tile> tiles() {
        return List.of(cpu, memory, pods, restarts, alerts, nodes);
    }

    private void usage(Tile tile, java.util.OptionalDouble used, double allocatable, Unit unit) {
        if (used.isEmpty() || allocatable <= 0) {
            tile.setValue(0);
            tile.setDescription(used.isEmpty() ? "no usage metrics" : "allocatable unknown");
            return;
        }
        tile.setValue(Math.min(100, 100 * used.getAsDouble() / allocatable));
        tile.setDescription(Units.format(unit, used.getAsDouble()) + " of " + Units.format(unit, allocatable));
    }

    private Color phaseColour(String phase) {
        return switch (phase) {
            case "Running" -> colours.get("-pw-ok", Color.GREEN);
            case "Pending" -> colours.get("-pw-warn", Color.ORANGE);
            case "Failed" -> colours.get("-pw-critical", Color.RED);
            case "Succeeded" -> colours.get("-pw-fg-muted", Color.GRAY);
            default -> colours.get("-pw-border", Color.GRAY);
        };
    }

    private void restyle() {
        Color bg = colours.get("-pw-bg-subtle", Color.web("#2a2a2a"));
        Color fg = colours.get("-pw-fg", Color.WHITE);
        Color muted = colours.get("-pw-fg-muted", Color.GRAY);
        for (Tile t : tiles()) {
            t.setBackgroundColor(bg);
            t.setForegroundColor(fg);
            t.setTitleColor(muted);
            t.setDescriptionColor(muted);
            t.setUnitColor(muted);
            t.setTextColor(fg);
            t.setValueColor(fg);
            t.setBarColor(colours.get("-pw-accent", Color.DODGERBLUE));
            t.setBarBackgroundColor(colours.get("-pw-border", Color.DARKGRAY));
        }
        if (shown != null) {
            show(shown);
        }
    }

    private static Tile percentage(String title) {
        return TileBuilder.create().skinType(Tile.SkinType.PERCENTAGE).title(title).unit("%").maxValue(100).decimals(0)
                .prefSize(SIZE, HEIGHT).build();
    }

    private static Tile number(String title) {
        return TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).decimals(0).prefSize(SIZE, HEIGHT).build();
    }
}
