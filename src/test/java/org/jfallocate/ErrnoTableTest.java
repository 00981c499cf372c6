package org.jfallocate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jfallocate.internal.Errnos;
import org.junit.jupiter.api.Test;

/** The public Errno enum and the binding's table are one table: every number in both, the same names. */
class ErrnoTableTest {
    @Test
    void everyConstant_isTheTablesEntry_andEveryEntryHasAConstant() {
        for (Errno e : Errno.values()) {
            assertEquals(e.name(), Errnos.name(e.number()), "name of " + e.number());
            assertEquals(e, Errno.of(e.number()));
            assertEquals(Errnos.text(e.number()), e.text());
        }
        int known = 0;
        for (int n = 0; n < 200; n++) {
            if (Errnos.known(n)) {
                known++;
                assertNotNull(Errno.of(n), "the table's " + Errnos.name(n) + " has a constant");
            } else {
                assertNull(Errno.of(n));
                assertEquals("errno " + n, Errno.nameOf(n));
                assertEquals("Unknown error " + n, Errno.textOf(n));
            }
        }
        assertEquals(Errno.values().length, known);
        assertEquals("EOPNOTSUPP (Operation not supported)", Errnos.describe(95));
    }
}
