package org.jfallocate.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.jfallocate.FallocateMode;

/**
 * {@code --dig-holes}: util-linux's algorithm, step for step, so that both tools punch the same
 * ranges. Within each data segment (SEEK_DATA .. SEEK_HOLE) the file is read in chunks of
 * st_blksize; runs of all-zero chunks are punched (PUNCH_HOLE|KEEP_SIZE) when data follows
 * them, and a run that reaches the end of a segment is punched one block further, to meet the
 * block boundary. util-linux does not reset the run at a segment's end, so a run that opens
 * the next segment is counted from the previous one's start; that is reproduced as well.
 */
final class DigHoles {
    private DigHoles() {
    }

    /**
     * Punch the zero-filled blocks of [offset, offset + length), or to the end when length is 0.
     *
     * @return the bytes converted to holes, as util-linux counts them
     */
    static long dig(OpenFile file, long offset, long length, Punch punch) throws CliFailure {
        int blockSize = file.blockSize();
        long fileEnd = length != 0 ? offset + length : 0;
        long fileOff = offset;
        long holeStart = 0;
        long holeSize = 0;
        long converted = 0;
        byte[] buf = new byte[blockSize];
        byte[] zeros = new byte[blockSize];
        while (fileEnd == 0 || fileOff < fileEnd) {
            long off = file.seekData(fileOff);
            if (off < 0 || (fileEnd != 0 && off >= fileEnd)) {
                break;
            }
            long end = file.seekHole(off);
            if (fileEnd != 0 && end > fileEnd) {
                end = fileEnd;
            }
            if (end < 0 || off == end) {
                break; // no progress (a character device such as /dev/zero): util-linux gives up
            }
            while (off < end) {
                long rsz = file.read(buf, blockSize, off);
                if (end != 0 && rsz > 0 && off > end - rsz) {
                    rsz = end - off;
                }
                if (rsz <= 0) {
                    break;
                }
                if (Arrays.mismatch(buf, 0, (int) rsz, zeros, 0, (int) rsz) == -1) {
                    if (holeSize == 0) {
                        holeStart = off;
                    }
                    holeSize += rsz;
                } else if (holeSize != 0) {
                    punch.punch(holeStart, holeSize);
                    converted += holeSize;
                    holeSize = 0;
                    holeStart = 0;
                }
                off += rsz;
            }
            if (holeSize != 0) {
                long punchSize = holeSize;
                if (off >= end) {
                    punchSize += blockSize; // meet block boundary
                }
                punch.punch(holeStart, punchSize);
                converted += holeSize;
            }
            fileOff = off;
        }
        return converted;
    }

    /** The verbose line: "FILE: 1 MiB (1048576 bytes) converted to sparse holes." */
    static void report(PrintStream out, String name, long converted) {
        out.println(name + ": " + HumanSize.format(converted) + " (" + Long.toUnsignedString(converted)
                + " bytes) converted to sparse holes.");
    }

    /** One PUNCH_HOLE|KEEP_SIZE call; failures end the program as util-linux's do. */
    @FunctionalInterface
    interface Punch {
        void punch(long offset, long length) throws CliFailure;

        /** The binding's fallocate(2) on the open descriptor. */
        static Punch on(OpenFile file) {
            return (offset, length) -> Operations.fallocate(file, FallocateMode.PUNCH_HOLE, offset, length);
        }
    }
}
