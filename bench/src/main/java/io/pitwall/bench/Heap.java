package io.pitwall.bench;

import java.lang.management.ManagementFactory;

/** The heap a benchmark's data keeps: the used heap after collecting, before and after holding it. */
final class Heap {

    private Heap() {
    }

    /** Bytes of heap in use after three collections (with a pause for the collector between them). */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
