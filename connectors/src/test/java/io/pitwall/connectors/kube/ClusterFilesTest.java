package io.pitwall.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bundle's cluster files as anyone may have written them. */
class ClusterFilesTest {

    private static ClusterFiles.Read read(String text) throws IOException {
        return ClusterFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "cluster/objects.json");
    }

    @Test
    void aListKeepsItsObjectsAndSaysWhichItemsAreNot() throws IOException {
        ClusterFiles.Read r = read("""
                {"apiVersion":"v1","kind":"List","items":[
                  {"apiVersion":"v1","kind":"Pod","metadata":{"name":"carts-0","namespace":"shop"}},
                  null, 7, {"kind":"Pod"}, {"metadata":{"name":"x"}},
                  {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":"not a list"}}]}""");
        assertThat(r.objects()).extracting(o -> o.getMetadata().getName()).containsExactly("carts-0");
        assertThat(r.notes()).containsExactly(
                "cluster/objects.json item 2: not a JSON object",
                "cluster/objects.json item 3: not a JSON object",
                "cluster/objects.json item 4: it has no metadata.name",
                "cluster/objects.json item 5: it has no kind",
                "cluster/objects.json item 6: not read (spec.containers holds a value of the wrong type or form)");
    }

    @Test
    void onlyJsonIsRead() {
        assertThatThrownBy(() -> read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"))
                .hasMessage("cluster/objects.json is not a Kubernetes object in JSON (it does not start with '{')");
        assertThatThrownBy(() -> read("[{\"kind\":\"Pod\"}]"))
                .hasMessage("cluster/objects.json is not a Kubernetes object in JSON (it is a JSON array)");
        assertThatThrownBy(() -> read("{\"kind\": ")).hasMessageStartingWith("cluster/objects.json is not valid JSON (");
    }

    @Test
    void megabytesOfBlanksAreReadPastQuickly() {
        assertThatThrownBy(() -> read(" ".repeat(8 << 20)))
                .hasMessage("cluster/objects.json is not a Kubernetes object in JSON (it is empty)");
    }
}
