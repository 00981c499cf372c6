package org.jfallocate.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code --report-holes} (util-linux 2.42): changes nothing, and counts two kinds of holes in
 * [offset, offset + length), or the whole file when no length is given:
 * <ul>
 * <li>file holes: ranges the filesystem does not store (SEEK_HOLE .. SEEK_DATA);</li>
 * <li>data holes: stored runs of zero-filled st_blksize chunks, which {@code --dig-holes}
 *     would punch.</li>
 * </ul>
 * The summary is util-linux's: {@code file holes: 1 holes, 1 MiB (1048576 bytes, 33.33% of the
 * file)}. With {@code -v}, one line per hole before it.
 */
final class HoleReport {
    private final PrintStream out;
    private final boolean verbose;
    private long fileHoles;
    private long fileHoleBytes;
    private long dataHoles;
    private long dataHoleBytes;

    private HoleReport(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Walk the range and print the report to {@code out}. */
    static void report(OpenFile file, long offset, long length, boolean verbose, PrintStream out) throws CliFailure {
        long size = file.size();
        long end = length != 0 ? Math.min(size, offset + length) : size;
        HoleReport report = new HoleReport(out, verbose);
        report.walk(file, offset, end);
        report.summary(size);
    }

    private void walk(OpenFile file, long from, long end) throws CliFailure {
        int blockSize = file.blockSize();
        byte[] buf = new byte[blockSize];
        byte[] zeros = new byte[blockSize];
        long pos = from;
        while (pos < end) {
            long data = file.seekData(pos);
            if (data == OpenFile.SEEK_FAILED) {
                break; // a file type without SEEK_DATA: util-linux stops, counting nothing
            }
            if (data < 0 || data >= end) {
                fileHole(pos, end);
                break;
            }
            if (data > pos) {
                fileHole(pos, data);
            }
            long hole = Math.min(file.seekHole(data), end);
            if (hole <= data) {
                break; // no progress (a character device such as /dev/zero): util-linux gives up
            }
            scanData(file, buf, zeros, data, hole, blockSize);
            pos = hole;
        }
    }

    // Runs of zero-filled chunks within one data segment, chunked as --dig-holes reads it.
    private void scanData(OpenFile file, byte[] buf, byte[] zeros, long from, long to, int blockSize)
            throws CliFailure {
        long runStart = -1;
        long off = from;
        while (off < to) {
            int rsz = file.read(buf, (int) Math.min(blockSize, to - off), off);
            if (rsz <= 0) {
                break;
            }
            boolean zero = Arrays.mismatch(buf, 0, rsz, zeros, 0, rsz) == -1;
            if (zero && runStart < 0) {
                runStart = off;
            } else if (!zero && runStart >= 0) {
                dataHole(runStart, off);
                runStart = -1;
            }
            off += rsz;
        }
        if (runStart >= 0) {
            dataHole(runStart, off);
        }
    }

    private void fileHole(long from, long to) {
        if (to <= from) {
            return;
        }
        fileHoles++;
        fileHoleBytes += to - from;
        if (verbose) {
            out.println("file hole: offset " + from + " - " + (to - 1) + ": (" + (to - from) + " bytes)");
        }
    }

    private void dataHole(long from, long to) {
        dataHoles++;
        dataHoleBytes += to - from;
        if (verbose) {
            out.println("data hole: offset " + from + " - " + (to - 1) + ": (" + (to - from) + " bytes)");
        }
    }

    private void summary(long size) {
        out.println();
        out.println("Summary:");
        out.println(line("file holes", fileHoles, fileHoleBytes, size));
        out.println(line("data holes", dataHoles, dataHoleBytes, size));
    }

    private static String line(String what, long count, long bytes, long size) {
        double percent = size > 0 ? bytes * 100.0 / size : 0.0;
        return String.format(Locale.ROOT, "%s: %d holes, %s (%d bytes, %.2f%% of the file)",
                what, count, HumanSize.format(bytes), bytes, percent);
    }
}
