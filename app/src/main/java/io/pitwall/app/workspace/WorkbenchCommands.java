package io.pitwall.app.workspace;

import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.themes.Theme;
import io.pitwall.ui.palette.Command;
import io.pitwall.ui.shell.ShortcutsOverlay.Shortcut;
import io.pitwall.ui.time.TimeRangeModel;
import io.pitwall.ui.workspace.PaneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Every action of the workbench, for the palette, and the keyboard shortcuts that reach them. */
final class WorkbenchCommands {

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+K", "Command palette: every action by name"),
            new Shortcut("?", "This list of shortcuts"),
            new Shortcut("Ctrl+Shift+C", "Switch cluster (kubeconfig context)"),
            new Shortcut("Ctrl+O", "Open an incident bundle"),
            new Shortcut("Ctrl+Shift+S", "Capture the incident into a bundle"),
            new Shortcut("Ctrl+1 ... Ctrl+8", "Focus a pane: topology, metrics, logs, traces, security, alerts, timeline, details"),
            new Shortcut("Ctrl+P", "Pause or follow the time range"),
            new Shortcut("Alt+Left, Alt+Right", "Back and forward through the selections"),
            new Shortcut("Ctrl+Shift+R", "Reset the layout"),
            new Shortcut("/ or Ctrl+F", "Topology: find by name; Enter goes to the next match"),
            new Shortcut("Arrows, + -, 0", "Topology: move the selection, zoom, fit; Enter expands a group"),
            new Shortcut("Escape", "Close the palette or this overlay"));

    private final Workbench bench;

    WorkbenchCommands(Workbench bench) {
        this.bench = bench;
    }

    /** The palette's entries: built on each opening, so new contexts and panes show at once. */
    List<Command> all() {
        List<Command> all = new ArrayList<>();
        for (KubeContext c : bench.contexts()) {
            all.add(new Command("context." + c.name(), "Switch context: " + c.name()
                    + c.problem().map(p -> " (" + p + ")").orElse(""), "", () -> bench.useContext(c)));
        }
        int n = 1;
        for (PaneId p : PaneId.values()) {
            all.add(new Command("focus." + p.id(), "Focus pane: " + p.title(), "Ctrl+" + n++,
                    () -> bench.workspace().focus(p)));
        }
        for (PaneId p : PaneId.values()) {
            all.add(new Command("float." + p.id(), "Float pane in a new window: " + p.title(), "",
                    () -> bench.workspace().floatPane(p)));
            all.add(new Command("dock." + p.id(), "Dock pane back: " + p.title(), "",
                    () -> bench.workspace().dockPane(p)));
        }
        for (PaneId p : PaneId.values()) {
            boolean pinned = bench.workspace().pinned().contains(p);
            all.add(new Command("pin." + p.id(), (pinned ? "Unpin pane: " : "Pin pane (keep out of linking): ") + p.title(), "",
                    () -> bench.workspace().setPinned(p, !pinned)));
        }
        all.add(new Command("selection.back", "Selection: back", "Alt+Left", () -> bench.selections().back()));
        all.add(new Command("selection.forward", "Selection: forward", "Alt+Right", () -> bench.selections().forward()));
        all.add(new Command("timeline.replay", "Timeline: replay the window", "", () -> {
            bench.workspace().focus(PaneId.TIMELINE);
            bench.timelineView().replay().toggle().setSelected(true);
        }));
        for (Duration d : TimeRangeModel.PRESETS) {
            all.add(new Command("time." + TimeRangeModel.label(d), "Time range: last " + TimeRangeModel.label(d), "",
                    () -> bench.time().setRelative(d)));
        }
        all.add(new Command("time.pause", "Time range: pause or follow now", "Ctrl+P",
                () -> bench.time().setLive(!bench.time().isLive())));
        for (Theme t : Theme.values()) {
            all.add(new Command("theme." + t.id(), "Theme: " + t.displayName(), "", () -> bench.chooseTheme(t)));
        }
        all.add(new Command("theme.system", "Theme: follow the system", "", bench::followSystemTheme));
        all.add(new Command("endpoints.edit", bench.endpoints().title(), "", () -> bench.endpoints().open()));
        all.add(new Command("file.demo", "Open the demo incident", "", bench::openDemo));
        all.add(new Command("file.open", "Open an incident bundle...", "Ctrl+O", bench::chooseAndOpenFile));
        all.add(new Command("file.capture", "Capture incident...", "Ctrl+Shift+S", bench::captureIncident));
        all.add(new Command("layout.reset", "Reset layout", "Ctrl+Shift+R", bench::resetLayout));
        all.add(new Command("help.shortcuts", "Show keyboard shortcuts", "?", () -> bench.shortcuts().show()));
        return all;
    }

    static void installShortcuts(Scene scene, Workbench bench) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                () -> bench.palette().show());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> bench.topBar().contextSwitcher().show());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                bench::resetLayout);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                bench::chooseAndOpenFile);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                bench::captureIncident);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), () -> bench.selections().back());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), () -> bench.selections().forward());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> bench.time().setLive(!bench.time().isLive()));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        PaneId[] ids = PaneId.values();
        for (int i = 0; i < ids.length && i < digits.length; i++) {
            PaneId p = ids[i];
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> bench.workspace().focus(p));
        }
        // "?" where no text is being typed
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)
                    && !bench.palette().isShowing()) {
                bench.shortcuts().show();
                e.consume();
            }
        });
    }
}
