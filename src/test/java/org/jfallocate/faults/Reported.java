package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfallocate.Errno;
import org.jfallocate.FallocateException;
import org.jfallocate.NoSpaceException;
import org.jfallocate.UnsupportedModeException;

/** Checks that a failure reports the errno the kernel gave, by name, number, text and hint. */
final class Reported {
    private Reported() {
    }

    /**
     * Asserts {@code e} carries {@code errno}, is of the type callers catch for it, and that its message ends with
     * "NAME (text): hint" where the hint contains {@code hintPart}.
     */
    static void as(Errno errno, String hintPart, FallocateException e) {
        assertEquals(errno, e.errno(), e.getMessage());
        assertEquals(typeFor(errno), e.getClass(), "exception type for " + errno);
        assertEquals(errno.number(), e.errnoValue());
        String m = e.getMessage();
        String tail = " failed: " + errno.name() + " (" + errno.text() + "): ";
        assertTrue(m.contains(tail), "message lacks '" + tail + "': " + m);
        assertTrue(m.substring(m.indexOf(tail)).contains(hintPart), "message lacks hint '" + hintPart + "': " + m);
    }

    /** The subclass a caller catches for this errno; FallocateException itself for the rest. */
    static Class<? extends FallocateException> typeFor(Errno errno) {
        return switch (errno) {
            case EOPNOTSUPP, ENOSYS -> UnsupportedModeException.class;
            case ENOSPC -> NoSpaceException.class;
            default -> FallocateException.class;
        };
    }
}
