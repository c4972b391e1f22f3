package io.pitwall.app.workspace;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop: a file dropped on the window opens as {@code pitwall FILE} would (the first
 * one, when several are dropped); anything else is refused by the drag's own cursor.
 */
final class FileDrops {

    private FileDrops() {
    }

    static void install(Node target, Consumer<Path> open) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            boolean done = !files.isEmpty();
            if (done) {
                open.accept(files.getFirst().toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
