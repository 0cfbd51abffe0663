package org.modeldao.onnxchecks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link ExternalDataScanHeapTest} in a JVM whose heap is far smaller than the file: first
 * shows that the file could not be held in that heap at all (so passing proves the scan streams),
 * then scans it and prints the result.
 */
public final class ScanInSmallHeap {

    private ScanInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try {
            byte[] whole = new byte[(int) Files.size(file)];
            System.out.println("heap cap does NOT hold: a byte[] of " + whole.length + " bytes fit");
        } catch (OutOfMemoryError expected) {
            System.out.println("heap cap holds: the file cannot fit in this heap");
        }
        System.out.println("scan: " + ExternalDataScan.scan(file));
    }
}
