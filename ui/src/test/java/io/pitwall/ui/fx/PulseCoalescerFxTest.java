package io.pitwall.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The coalescer on the real FX thread: values arrive there, and a flood costs few deliveries. */
@Tag("ui")
class PulseCoalescerFxTest {

    @Test
    void floodFromAnotherThreadIsDeliveredOnTheFxThreadCoalesced() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        PulseCoalescer<Integer> c = new PulseCoalescer<>(Platform::runLater, v -> {
            onFxThread.add(Platform.isFxApplicationThread());
            delivered.add(v);
        });

        CountDownLatch blockFx = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                blockFx.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 1; i <= 10_000; i++) {
                c.offer(i);
            }
        });
        producer.join();
        blockFx.countDown();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(delivered).containsExactly(10_000);
        assertThat(onFxThread).containsOnly(true);
    }
}
