package org.jfallocate.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.jfallocate.Errno;
import org.jfallocate.FileSystemInfo;
import org.jfallocate.internal.ChannelFds;

/**
 * Takes a file out of the page cache, so that the next read of it comes from the device: the
 * "cold" case of the hole-operation benchmarks. The file is synced (fsync), then its pages are
 * dropped with posix_fadvise(POSIX_FADV_DONTNEED), which drops clean pages only. On a
 * loop-mounted filesystem the image file behind the loop device is cached by the host too,
 * so its pages are dropped as well (the fsync has already made them clean). On tmpfs the
 * pages are the file: nothing can be dropped, and the runner reports {@code cache=cold} as
 * unsupported there.
 */
final class PageCache {
    private PageCache() {
    }

    private static final int POSIX_FADV_DONTNEED = 4;
    private static final MethodHandle FADVISE = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("posix_fadvise").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));

    /** Syncs {@code channel} (the file at {@code path}) and drops its cached pages, and its loop image's. */
    static void drop(FileChannel channel, Path path) throws IOException {
        channel.force(true);
        dontNeed(ChannelFds.fdOf(channel), path);
        Optional<Path> image = LoopImage.backingFile(FileSystemInfo.of(path).source());
        if (image.isPresent()) {
            try (FileChannel backing = FileChannel.open(image.get(), StandardOpenOption.READ)) {
                dontNeed(ChannelFds.fdOf(backing), image.get());
            }
        }
    }

    private static void dontNeed(int fd, Path path) throws IOException {
        int rc;
        try {
            rc = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
        } catch (Throwable t) {
            throw new IllegalStateException("posix_fadvise could not be called", t);
        }
        // posix_fadvise returns the error number itself rather than setting errno.
        if (rc != 0) {
            throw new IOException("posix_fadvise(" + path + ", POSIX_FADV_DONTNEED) failed: " + Errno.nameOf(rc));
        }
    }
}
