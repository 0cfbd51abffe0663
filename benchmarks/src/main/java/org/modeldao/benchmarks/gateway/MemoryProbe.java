package org.modeldao.benchmarks.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size (native memory included) and heap use of this JVM. */
final class MemoryProbe {

    private MemoryProbe() {}

    static long rssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** RSS minus the committed Java heap: native memory (ONNX Runtime), metaspace, code, stacks. */
    static long nonHeapRssKb() {
        long heapCommittedKb = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                .getCommitted() / 1024;
        return rssKb() - heapCommittedKb;
    }

    static long heapUsedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
