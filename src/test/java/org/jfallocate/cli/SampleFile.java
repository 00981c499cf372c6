package org.jfallocate.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The file every equivalence test starts from, with what fallocate's options act on: data,
 * stored zero blocks, a hole, zeros right after the hole (where --dig-holes has a quirk), and
 * a partial last block of zeros. 4 KiB blocks:
 * <pre>
 *  0- 2 data 0xaa | 2- 5 stored zeros | 5 0x55 then zeros | 6-10 hole |
 * 10-12 stored zeros | 12 data 0x11 | 13-15 zeros, then 1000 zero bytes (size 62440)
 * </pre>
 */
final class SampleFile {
    static final int BLOCK = 4096;
    static final long SIZE = 15L * BLOCK + 1000;
    /** The hole the sample is written with. */
    static final FileState.Range HOLE = new FileState.Range(6L * BLOCK, 10L * BLOCK);
    /** Its zero-filled stored runs, in st_blksize chunks: what --dig-holes and -r find. */
    static final long ZERO_RUN_BYTES = 3L * BLOCK + 2L * BLOCK + (2L * BLOCK + 1000);

    private SampleFile() {
    }

    static void write(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            put(ch, 0, filled(2 * BLOCK, 0xaa));
            put(ch, 2L * BLOCK, new byte[3 * BLOCK]);
            byte[] mixed = new byte[BLOCK];
            Arrays.fill(mixed, 0, 100, (byte) 0x55);
            put(ch, 5L * BLOCK, mixed);
            put(ch, 10L * BLOCK, new byte[2 * BLOCK]);
            put(ch, 12L * BLOCK, filled(BLOCK, 0x11));
            put(ch, 13L * BLOCK, new byte[2 * BLOCK + 1000]);
            // Settle delayed allocation first: st_blocks of unwritten-back data moves on its own.
            ch.force(true);
        }
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static void put(FileChannel ch, long at, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf, at + buf.position());
        }
    }
}
