package org.jfallocate.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What a program does so that replacing a file survives a crash: the new file is synced by
 * its writer; the rename over the old one is atomic, and becomes durable only when the
 * directory that holds both is synced too (rename(2) changes the directory, not the file).
 */
final class Durably {
    private Durably() {
    }

    /** Renames {@code source} over {@code target} atomically, then fsyncs their directory. */
    static Path replace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.toAbsolutePath().getParent());
        return target;
    }

    /** fsync(2) on a directory: its entries (created, renamed, removed files) reach the device. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
