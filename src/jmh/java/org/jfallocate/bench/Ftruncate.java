package org.jfallocate.bench;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;

import org.jfallocate.internal.ChannelFds;

/**
 * ftruncate(2) itself. {@link FileChannel#truncate} skips the call when the size would not
 * shrink, but a log trimming what it reserved beyond its end truncates to its current size:
 * that is the call whose effect (blocks past the size freed, or not) the benchmark must see.
 */
final class Ftruncate {
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MethodHandle FTRUNCATE = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("ftruncate").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG), ERRNO);
    private static final VarHandle ERRNO_VALUE = Linker.Option.captureStateLayout()
            .varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private Ftruncate() {
    }

    /** Sets the size of {@code channel}'s file to {@code size} with one ftruncate(2). */
    static void to(FileChannel channel, long size) throws IOException {
        int fd = ChannelFds.fdOf(channel);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            int rc = (int) FTRUNCATE.invokeExact(state, fd, size);
            if (rc != 0) {
                throw new IOException("ftruncate(fd=" + fd + ", " + size + ") failed: errno "
                        + org.jfallocate.Errno.nameOf((int) ERRNO_VALUE.get(state, 0L)));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
