package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfallocate.FileSystemInfo;
import org.jfallocate.testing.FsMatrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On a real ext4, seasoning commits at least one journal transaction per record it was asked for (jbd2 counts
 * them) and leaves nothing behind; filesystems without a jbd2 journal get no seasoning.
 */
class JournalSeasoningTest {
    private static final Pattern TRANSACTIONS = Pattern.compile("^(\\d+) transactions");

    @Test
    void onExt4_everyRecordIsACommit_andTheFileIsGone() throws Exception {
        Path ext4 = FsMatrix.ofEnvironment().get("ext4");
        Assumptions.assumeTrue(ext4 != null, "needs bin/with-fs-matrix's ext4 (JFALLOCATE_MATRIX=" + FsMatrix.raw() + ")");
        FileSystemInfo fs = FileSystemInfo.of(ext4);
        OptionalInt records = JournalSeasoning.recordsFor(fs);
        assertTrue(records.isPresent(), "ext4 has a jbd2 journal");
        Path dir = Files.createTempDirectory(ext4, "seasoning-");
        try {
            Path info = JournalSeasoning.jbd2Info(fs).orElseThrow();
            long before = transactions(info);
            JournalSeasoning.season(dir, 300);
            long commits = transactions(info) - before;
            assertTrue(commits >= 300, "300 fdatasync'd appends, " + commits + " commits");
            try (var left = Files.list(dir)) {
                assertEquals(List.of(), left.toList());
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        // What jbd2 says, against what the filesystem's own tool says: a third of the journal.
        Process dump = new ProcessBuilder("dumpe2fs", "-h", fs.source()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String header = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        dump.waitFor();
        Matcher size = Pattern.compile("(?m)^Total journal size:\\s+(\\d+)M").matcher(header);
        Assumptions.assumeTrue(size.find(), "dumpe2fs (e2fsprogs) gives the journal's size");
        long journalBlocks = Long.parseLong(size.group(1)) * (1 << 20) / fs.blockSize();
        assertEquals(journalBlocks / 3.0, records.getAsInt(), journalBlocks * 0.01, "a third of " + journalBlocks + " blocks");
    }

    @Test
    void withoutAJbd2Journal_thereIsNothingToSeason() throws Exception {
        for (String type : List.of("xfs", "btrfs", "ext2", "tmpfs")) {
            Path dir = FsMatrix.ofEnvironment().get(type);
            if (dir != null) {
                assertEquals(OptionalInt.empty(), JournalSeasoning.recordsFor(FileSystemInfo.of(dir)), type);
            }
        }
        Assumptions.assumeTrue(!FsMatrix.ofEnvironment().isEmpty(), "needs bin/with-fs-matrix");
    }

    private static long transactions(Path info) throws Exception {
        Matcher m = TRANSACTIONS.matcher(Files.readString(info));
        assertTrue(m.find(), info + " says how many transactions");
        return Long.parseLong(m.group(1));
    }
}
