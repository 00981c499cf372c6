package org.jfallocate.jfr;

import java.nio.file.Path;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;

/**
 * A program for a child JVM that records: allocates 1 MiB of the file named by its
 * argument, punches a 4 KiB hole, and prints which module the binding was loaded in.
 */
public final class CallsForRecording {
    private CallsForRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Fallocate.fallocate(file, FallocateMode.ALLOCATE, 0, 1 << 20);
        Fallocate.fallocate(file, FallocateMode.PUNCH_HOLE, 4096, 4096);
        System.out.println(Fallocate.class.getModule());
    }
}
