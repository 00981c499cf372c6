package org.jfallocate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jfallocate.FileSpace;

/**
 * Everything two tools must leave the same: the bytes (a hash), the size, the allocated
 * blocks (st_blocks, through the binding's statx) and the hole map (SEEK_HOLE/SEEK_DATA).
 */
record FileState(String sha256, long size, long allocatedBytes, List<Range> holes) {

    /** A hole [from, to). */
    record Range(long from, long to) {
        @Override
        public String toString() {
            return "[" + from + "," + to + ")";
        }
    }

    static FileState of(Path file) throws IOException {
        FileSpace space = FileSpace.of(file);
        return new FileState(sha256(file), space.size(), space.allocatedBytes(), holes(file, space.size()));
    }

    static List<Range> holes(Path file, long size) throws IOException {
        List<Range> holes = new ArrayList<>();
        try (PosixFile f = PosixFile.open(file.toString(), PosixFile.O_RDONLY)) {
            long pos = 0;
            while (pos < size) {
                long data = f.seekData(pos);
                if (data < 0) {
                    holes.add(new Range(pos, size));
                    break;
                }
                if (data > pos) {
                    holes.add(new Range(pos, data));
                }
                pos = f.seekHole(data);
            }
        } catch (CliFailure e) {
            throw new IOException(e.getMessage(), e);
        }
        return holes;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
