package org.jfallocate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfallocate.FileSystemInfo;

/**
 * Takes a freshly made ext4 (or ext3) filesystem past its journal's first pass before anything is measured on it.
 *
 * <p>Until a jbd2 journal has wrapped once, each commit costs about two more device writes: on this
 * machine's fresh 2 GiB ext4 images a fdatasync'd 4 KiB append made 9.0 writes to the disk for its first
 * ~2,700 records, 7.1 after, and the point is where the journal wraps: ~700 records with a 16 MiB journal,
 * ~2,700 with the default 64 MiB, ~5,500 with 128 MiB, never without a journal (5.0 throughout); ext2, xfs and
 * btrfs showed no such step. Whichever point ran first on a new image paid it (in the quick profile's first
 * round, NONE: 750 us a record against 500 in the rounds after), so the first strategy looked slower and the
 * others' speed-ups larger than they are.
 *
 * <p>A commit writes at least three journal blocks (descriptor, one metadata block, commit block), so as many
 * fdatasync'd appends as the journal's largest transaction has blocks (a third of the journal on kernel 6.18:
 * 5,461 for 64 MiB) wrap it at least once; at the six blocks a commit took here, twice. jbd2 reports that size in {@code /proc/fs/jbd2/<device>-8/info}; without that file there is no jbd2
 * journal, and nothing to do.
 */
final class JournalSeasoning {
    private static final Pattern MAX_TRANSACTION = Pattern.compile("each up to (\\d+) blocks");
    private static final int RECORD_BYTES = 4096;
    /** A bound for huge journals (1 GiB: 87,000 records, a minute here); the bench's images have 64 MiB ones. */
    static final int MAX_RECORDS = 100_000;

    private JournalSeasoning() {
    }

    /**
     * @param fs a filesystem about to be measured
     * @return how many fdatasync'd 4 KiB appends wrap its jbd2 journal once; empty when it has none
     */
    static OptionalInt recordsFor(FileSystemInfo fs) throws IOException {
        Optional<Path> info = jbd2Info(fs);
        if (info.isEmpty()) {
            return OptionalInt.empty();
        }
        Matcher m = MAX_TRANSACTION.matcher(Files.readString(info.get()));
        return m.find() ? OptionalInt.of(Math.min(MAX_RECORDS, Integer.parseInt(m.group(1)))) : OptionalInt.empty();
    }

    /** jbd2's statistics of {@code fs}'s journal ({@code /proc/fs/jbd2/<device>-8/info}); empty without one. */
    static Optional<Path> jbd2Info(FileSystemInfo fs) throws IOException {
        Path device = Path.of("/sys/dev/block", fs.device());
        if (!Files.exists(device)) {
            return Optional.empty();
        }
        Path info = Path.of("/proc/fs/jbd2", device.toRealPath().getFileName() + "-8", "info");
        return Files.isReadable(info) ? Optional.of(info) : Optional.empty();
    }

    /**
     * Appends {@code records} 4 KiB records to a scratch file in {@code dir}, each made durable with
     * fdatasync as the benchmarks' records are, and removes the file.
     */
    static void season(Path dir, int records) throws IOException {
        Path file = Files.createTempFile(dir, "journal-seasoning-", ".tmp");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer record = ByteBuffer.allocateDirect(RECORD_BYTES);
            for (int i = 0; i < records; i++) {
                record.clear();
                while (record.hasRemaining()) {
                    ch.write(record);
                }
                ch.force(false);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
