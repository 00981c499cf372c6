package org.jfallocate.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * The errno of the last call on this thread. Each thread owns its capture segment: one
 * segment shared by all threads would let two failing threads read each other's errno.
 * The segment is allocated once per thread, so the success path allocates nothing.
 */
public final class ErrnoCapture {
    private ErrnoCapture() {
    }

    static final Linker.Option OPTION = Linker.Option.captureCallState("errno");
    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    // An automatic arena: the segment is freed when its thread is gone and it is unreachable.
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LAYOUT));

    /** This thread's capture segment, to pass as the first argument of a capturing handle. */
    public static MemorySegment state() {
        return STATE.get();
    }

    /** The errno that the last capturing call on this thread left in {@code state}. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }
}
