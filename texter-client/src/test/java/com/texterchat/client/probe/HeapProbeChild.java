package com.texterchat.client.probe;

import com.texterchat.client.RetryPolicy;
import com.texterchat.client.TexterClient;
import com.texterchat.client.error.TexterException;
import com.texterchat.client.testsupport.TestServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The client side of {@link HugeBodyHeapProbeTest}, run in a child JVM with a small heap: makes
 * {@code calls} Get Label calls against the base URL on one client and prints, per call, one line
 * {@code CALL <n> <outcome> <millis> <peakHeapAboveBaselineBytes>}, the outcome being the simple name of the
 * exception, or {@code ok:<label id>}.
 *
 * <p>Before each call the heap is collected and the peak usage of every heap pool reset; after it the sum of the
 * pools' peaks (an upper bound of the heap in use at any moment of the call, garbage included) minus the heap in
 * use before the call is the call's peak above baseline.
 */
public final class HeapProbeChild {

    private HeapProbeChild() {
    }

    /**
     * Runs the calls.
     *
     * @param args the base URL, the number of calls, the read timeout in milliseconds
     */
    public static void main(String[] args) {
        String baseUrl = args[0];
        int calls = Integer.parseInt(args[1]);
        Duration readTimeout = Duration.ofMillis(Long.parseLong(args[2]));
        TexterClient client = TexterClient.builder().baseUrl(baseUrl).token(TestServer.TOKEN)
                .readTimeout(readTimeout).retryPolicy(RetryPolicy.disabled()).build();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).collect(Collectors.toList());
        for (int call = 0; call < calls; call++) {
            System.gc();
            long baseline = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            String outcome;
            try {
                outcome = "ok:" + client.labels().getLabel("VIP").getId();
            } catch (TexterException e) {
                outcome = e.getClass().getSimpleName();
            } catch (Throwable t) {
                outcome = "UNTYPED:" + t.getClass().getName();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.println("CALL " + call + " " + outcome + " " + millis + " " + (peak - baseline));
        }
    }
}
