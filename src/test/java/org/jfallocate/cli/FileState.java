package org.jfallocate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jfallocate.FileLayout;
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
        return new FileState(sha256(file), space.size(), space.allocatedBytes(), holes(file));
    }

    // From SEEK_HOLE/SEEK_DATA, through the binding's FileLayout.
    static List<Range> holes(Path file) throws IOException {
        return FileLayout.of(file).holes().stream().map(h -> new Range(h.offset(), h.end())).toList();
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
