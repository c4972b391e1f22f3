package io.pitwall.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class PulseCoalescerTest {

    /** An FX executor stand-in that runs queued tasks when the test says a pulse happened. */
    private static final class ManualPulse implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queue.add(task);
        }

        void pulse() {
            List<Runnable> now = new ArrayList<>(queue);
            queue.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void manyOffersBetweenPulsesDeliverOnlyTheLatestOnce() {
        ManualPulse fx = new ManualPulse();
        List<Integer> delivered = new ArrayList<>();
        PulseCoalescer<Integer> c = new PulseCoalescer<>(fx, delivered::add);

        for (int i = 1; i <= 1000; i++) {
            c.offer(i);
        }
        assertThat(fx.queue).hasSize(1);
        fx.pulse();

        assertThat(delivered).containsExactly(1000);
    }

    @Test
    void anOfferAfterADeliverySchedulesTheNextOne() {
        ManualPulse fx = new ManualPulse();
        List<String> delivered = new ArrayList<>();
        PulseCoalescer<String> c = new PulseCoalescer<>(fx, delivered::add);

        c.offer("a");
        fx.pulse();
        c.offer("b");
        c.offer("c");
        fx.pulse();
        fx.pulse();

        assertThat(delivered).containsExactly("a", "c");
    }

    @Test
    void sameThreadExecutorDeliversEveryOffer() {
        List<String> delivered = new ArrayList<>();
        PulseCoalescer<String> c = new PulseCoalescer<>(Runnable::run, delivered::add);
        c.offer("x");
        c.offer("y");
        assertThat(delivered).containsExactly("x", "y");
    }
}
