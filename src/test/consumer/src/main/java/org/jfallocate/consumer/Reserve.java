package org.jfallocate.consumer;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;

/**
 * Reserves 1 MiB beyond the end of two empty files with KEEP_SIZE: the first through the
 * {@code Path} overload (which needs no --add-opens), the second through the
 * {@code FileChannel} overload (which does). bin/consumer-check reads the effect with stat(1).
 */
public final class Reserve {
    private static final long RESERVED = 1 << 20;

    private Reserve() {
    }

    public static void main(String[] args) throws IOException {
        Path viaPath = Path.of(args[0]);
        Path viaChannel = Path.of(args[1]);
        System.out.println("consumer module: " + name(Reserve.class.getModule()));
        System.out.println("binding module: " + name(Fallocate.class.getModule()));

        Files.deleteIfExists(viaPath);
        Files.createFile(viaPath); // KEEP_SIZE does not create a file from a Path
        Fallocate.fallocate(viaPath, FallocateMode.KEEP_SIZE, 0, RESERVED);
        System.out.println("Path overload: reserved");

        try (FileChannel ch = FileChannel.open(viaChannel, CREATE, WRITE)) {
            Fallocate.fallocate(ch, FallocateMode.KEEP_SIZE, 0, RESERVED);
        }
        System.out.println("FileChannel overload: reserved");
    }

    private static String name(Module m) {
        return m.isNamed() ? m.getName() : "unnamed";
    }
}
