package io.pitwall.ui.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Incident notes (Markdown as people write it) as blocks to show as plain text: headings, list
 * items and paragraphs, with hard-wrapped lines joined and emphasis and code marks dropped.
 * Deliberately small: notes are read, not typeset.
 */
public final class NotesText {

    public enum Kind { HEADING, ITEM, PARAGRAPH }

    public record Block(Kind kind, String text) {
    }

    private NotesText() {
    }

    public static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Kind kind = null;
        StringBuilder text = new StringBuilder();
        for (String raw : markdown.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            boolean continuation = !line.isEmpty() && raw.startsWith(" ") && kind == Kind.ITEM;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("- ") || line.startsWith("* ")) {
                flush(blocks, kind, text);
                kind = null;
                if (line.startsWith("#")) {
                    blocks.add(new Block(Kind.HEADING, plain(line.replaceFirst("^#+\\s*", ""))));
                } else if (!line.isEmpty()) {
                    kind = Kind.ITEM;
                    text.append(line.substring(2).strip());
                }
            } else if (continuation || kind != null) {
                text.append(' ').append(line);
            } else {
                kind = Kind.PARAGRAPH;
                text.append(line);
            }
        }
        flush(blocks, kind, text);
        return blocks;
    }

    private static void flush(List<Block> blocks, Kind kind, StringBuilder text) {
        if (kind != null && !text.isEmpty()) {
            blocks.add(new Block(kind, plain(text.toString())));
        }
        text.setLength(0);
    }

    private static String plain(String s) {
        return s.replace("**", "").replace("__", "").replace("`", "");
    }
}
