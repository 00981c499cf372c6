package org.jfallocate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jfallocate.Errno;
import org.jfallocate.FallocateMode;
import org.jfallocate.FileLayout;

/**
 * What a strategy, a parameter value or a benchmark method needs from the filesystem it runs
 * on, checked against the one probe the runner makes of each directory
 * ({@link DirectorySupport}). A need that ModeProbe does not cover (O_DIRECT, say) is a
 * lambda over {@link DirectorySupport#once}, so that it too is checked once per directory.
 */
@FunctionalInterface
public interface Requirement {

    /**
     * Whether the probed directory has what this needs.
     *
     * @param dir the probed directory
     * @return empty when it has, else why not: the errno's name first, as the CSV's unsupported note
     * @throws IOException if a check of its own cannot be made
     */
    Optional<String> unmetIn(DirectorySupport dir) throws IOException;

    /** Needs nothing: plain writes, ftruncate. */
    Requirement NOTHING = dir -> Optional.empty();

    /** Needs fallocate(2) with {@code mode}, as ModeProbe found it. */
    static Requirement fallocate(FallocateMode mode) {
        return dir -> dir.unsupported(mode);
    }

    /** Needs posix_fallocate(3) to succeed, natively or by glibc's emulation. */
    static Requirement posixFallocate() {
        return DirectorySupport::posixFallocateUnsupported;
    }

    /** Needs a FIEMAP extent map (tmpfs has none). */
    static Requirement extentMap() {
        return dir -> dir.once("FIEMAP", d -> {
            Path probe = Files.createTempFile(d, "probe-fiemap", ".tmp");
            try {
                Files.write(probe, new byte[4096]);
                FileLayout layout = FileLayout.of(probe);
                return layout.hasExtentMap() ? Optional.empty()
                        : Optional.of(layout.extentMapError().map(Errno::name).orElse("?") + ": no FIEMAP extent map here");
            } finally {
                Files.deleteIfExists(probe);
            }
        });
    }

    /** A parameter value (a strategy, a write path) and what it needs. */
    interface Gated {
        /** The value as JMH's {@code @Param} names it: the enum constant's name. */
        String name();

        /** What this value needs from the filesystem. */
        Requirement requirement();
    }
}
