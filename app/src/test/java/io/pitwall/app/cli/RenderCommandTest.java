package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.MainRunner;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pitwall render}, run in-process on headless Monocle. */
@Tag("ui")
class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersTheWorkspaceAtTheRequestedSize() throws Exception {
        Path png = dir.resolve("workspace.png");
        MainRunner.Result r = MainRunner.run("render", "--out", png.toString(), "--size", "1200x800", "--theme", "light");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + png.toAbsolutePath());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        // not a blank canvas: the light theme's background and darker text both occur
        assertThat(distinctColours(image)).isGreaterThan(20);
    }

    @Test
    void rendersOnePane() throws Exception {
        Path png = dir.resolve("metrics.png");
        MainRunner.Result r = MainRunner.run("render", "--pane", "metrics", "--out", png.toString(), "--size", "640x360");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(distinctColours(image)).isGreaterThan(5);
    }

    @Test
    void rendersABundle() throws Exception {
        Path bundle = io.pitwall.app.TestBundles.clusterAndAlerts(dir);
        Path png = dir.resolve("bundle.png");
        MainRunner.Result r = MainRunner.run("render", bundle.toString(), "--out", png.toString(), "--size", "800x500");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);

        Path broken = java.nio.file.Files.writeString(dir.resolve("broken.pitwall"), "nope");
        MainRunner.Result bad = MainRunner.run("render", broken.toString(), "--out", png.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).singleElement().asString().contains("broken.pitwall", "not a Pitwall bundle", "not a zip file");
    }

    @Test
    void rendersTheTopologyOfKubectlJson() throws Exception {
        Path list = dir.resolve("ns.json");
        try (var in = getClass().getResourceAsStream("/kubernetes/gke-namespace-sock-shop-all.json")) {
            java.nio.file.Files.copy(in, list);
        }
        Path png = dir.resolve("topology.png");
        MainRunner.Result r = MainRunner.run("render", list.toString(), "--pane", "topology", "--out", png.toString(),
                "--size", "900x600");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(distinctColours(ImageIO.read(png.toFile()))).isGreaterThan(10);
    }

    @Test
    void badArgumentsAreOneLineAndExitCodeTwo() {
        MainRunner.Result pane = MainRunner.run("render", "--pane", "flames", "--out", dir.resolve("x.png").toString());
        assertThat(pane.code()).isEqualTo(2);
        assertThat(pane.err().lines()).singleElement().asString().startsWith("pitwall: unknown pane 'flames': use topology");

        MainRunner.Result size = MainRunner.run("render", "--size", "big", "--out", dir.resolve("x.png").toString());
        assertThat(size.code()).isEqualTo(2);
        assertThat(size.err()).contains("--size must be WIDTHxHEIGHT");

        MainRunner.Result noOut = MainRunner.run("render");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=PNG'");
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
