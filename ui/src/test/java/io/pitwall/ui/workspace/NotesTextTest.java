package io.pitwall.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.ui.workspace.NotesText.Block;
import io.pitwall.ui.workspace.NotesText.Kind;
import org.junit.jupiter.api.Test;

class NotesTextTest {

    @Test
    void joinsWrappedLinesAndDropsMarks() {
        String md = """
                # Carts out of memory

                On 2026-11-24 checkouts
                slowed down.

                - carts was **OOMKilled**
                  four times
                - `orders` failed
                """;
        assertThat(NotesText.blocks(md)).containsExactly(
                new Block(Kind.HEADING, "Carts out of memory"),
                new Block(Kind.PARAGRAPH, "On 2026-11-24 checkouts slowed down."),
                new Block(Kind.ITEM, "carts was OOMKilled four times"),
                new Block(Kind.ITEM, "orders failed"));
    }

    @Test
    void emptyNotesHaveNoBlocks() {
        assertThat(NotesText.blocks("")).isEmpty();
        assertThat(NotesText.blocks("\n\n")).isEmpty();
    }
}
