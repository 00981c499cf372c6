package org.jfallocate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** This process's open descriptors, from /proc/self/fd, with what each points to. */
final class OpenDescriptors {
    private OpenDescriptors() {
    }

    static Map<Integer, String> now() {
        Map<Integer, String> fds = new TreeMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            entries.forEach(e -> {
                try {
                    fds.put(Integer.parseInt(e.getFileName().toString()), Files.readSymbolicLink(e).toString());
                } catch (IOException gone) {
                    // the descriptor list() itself used, closed by now
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fds;
    }

    /** Descriptors in {@code after} and not in {@code before}, for failure messages. */
    static Map<Integer, String> added(Map<Integer, String> before, Map<Integer, String> after) {
        Map<Integer, String> added = new TreeMap<>(after);
        before.forEach((fd, target) -> added.remove(fd, target));
        return added;
    }
}
