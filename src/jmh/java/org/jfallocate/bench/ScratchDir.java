package org.jfallocate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for one benchmark trial inside the directory under test, removed with everything in it. */
final class ScratchDir implements AutoCloseable {
    private final Path dir;
    private int counter;

    ScratchDir(String parent, String name) throws IOException {
        Path base = Path.of(parent);
        Files.createDirectories(base);
        this.dir = Files.createTempDirectory(base, name + "-");
    }

    /** A new file name in this directory (the file is not created). */
    Path newFile(String name) {
        return dir.resolve(name + "-" + (counter++));
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
