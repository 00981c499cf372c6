package org.jfallocate;

import static org.jfallocate.FallocateFlag.COLLAPSE_RANGE;
import static org.jfallocate.FallocateFlag.INSERT_RANGE;
import static org.jfallocate.FallocateFlag.KEEP_SIZE;
import static org.jfallocate.FallocateFlag.NO_HIDE_STALE;
import static org.jfallocate.FallocateFlag.PUNCH_HOLE;
import static org.jfallocate.FallocateFlag.UNSHARE_RANGE;
import static org.jfallocate.FallocateFlag.WRITE_ZEROES;
import static org.jfallocate.FallocateFlag.ZERO_RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FallocateModeTest {

    @Test
    void constants_haveTheKernelsValues() {
        assertEquals(0x00, FallocateMode.ALLOCATE.value());
        assertEquals(0x01, FallocateMode.KEEP_SIZE.value());
        assertEquals(0x03, FallocateMode.PUNCH_HOLE.value());
        assertEquals(0x08, FallocateMode.COLLAPSE_RANGE.value());
        assertEquals(0x10, FallocateMode.ZERO_RANGE.value());
        assertEquals(0x11, FallocateMode.ZERO_RANGE_KEEP_SIZE.value());
        assertEquals(0x20, FallocateMode.INSERT_RANGE.value());
        assertEquals(0x40, FallocateMode.UNSHARE_RANGE.value());
        assertEquals(0x41, FallocateMode.UNSHARE_RANGE_KEEP_SIZE.value());
        assertEquals(0x80, FallocateMode.WRITE_ZEROES.value());
        assertEquals(0x04, NO_HIDE_STALE.value());
    }

    @Test
    void everyFlag_documentsTheKernelVersionThatAddedIt() {
        for (FallocateFlag flag : FallocateFlag.values()) {
            assertTrue(flag.since().matches("\\d+\\.\\d+(\\.\\d+)?|reserved"), flag + " since " + flag.since());
            assertEquals("FALLOC_FL_" + flag.name(), flag.cName());
        }
        assertEquals("6.17", WRITE_ZEROES.since());
        assertEquals("2.6.38", PUNCH_HOLE.since());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "PUNCH_HOLE; PUNCH_HOLE must be combined with KEEP_SIZE",
        "COLLAPSE_RANGE KEEP_SIZE; COLLAPSE_RANGE takes no other flag",
        "INSERT_RANGE KEEP_SIZE; INSERT_RANGE takes no other flag",
        "WRITE_ZEROES KEEP_SIZE; WRITE_ZEROES takes no KEEP_SIZE",
        "NO_HIDE_STALE; NO_HIDE_STALE is a reserved flag",
        "PUNCH_HOLE KEEP_SIZE NO_HIDE_STALE; NO_HIDE_STALE is a reserved flag",
        "PUNCH_HOLE ZERO_RANGE KEEP_SIZE; at most one of PUNCH_HOLE, COLLAPSE_RANGE, ZERO_RANGE",
        "COLLAPSE_RANGE INSERT_RANGE; at most one of",
        "UNSHARE_RANGE ZERO_RANGE; at most one of",
    })
    void of_rejectsWhatTheManualForbids_namingTheRule(String flags, String rule) {
        FallocateFlag[] parsed = java.util.Arrays.stream(flags.split(" ")).map(FallocateFlag::valueOf)
                .toArray(FallocateFlag[]::new);
        var e = assertThrows(IllegalArgumentException.class, () -> FallocateMode.of(parsed));
        assertTrue(e.getMessage().contains(rule), e.getMessage());
        assertTrue(e.getMessage().startsWith("mode "), e.getMessage());
    }

    @Test
    void of_acceptsEveryCombinationTheKernelDoes() {
        assertEquals(FallocateMode.ALLOCATE, FallocateMode.of());
        assertEquals(FallocateMode.PUNCH_HOLE, FallocateMode.of(KEEP_SIZE, PUNCH_HOLE));
        assertEquals(FallocateMode.ZERO_RANGE_KEEP_SIZE, FallocateMode.of(ZERO_RANGE, KEEP_SIZE));
        assertEquals(FallocateMode.UNSHARE_RANGE_KEEP_SIZE, FallocateMode.of(UNSHARE_RANGE, KEEP_SIZE));
        assertEquals(FallocateMode.COLLAPSE_RANGE, FallocateMode.of(COLLAPSE_RANGE, COLLAPSE_RANGE));
        assertEquals(FallocateMode.INSERT_RANGE, FallocateMode.of(INSERT_RANGE));
    }

    @Test
    void of_rejectsNull() {
        var e = assertThrows(IllegalArgumentException.class, () -> FallocateMode.of(KEEP_SIZE, null));
        assertEquals("flags must not contain null", e.getMessage());
    }

    @Test
    void raw_passesUnknownBitsThrough_andNamesTheKnownOnes() {
        FallocateMode future = FallocateMode.raw(0x100 | 0x03);
        assertEquals(0x103, future.value());
        assertEquals(Set.of(PUNCH_HOLE, KEEP_SIZE), future.flags());
        assertFalse(future.isChecked());
        assertEquals("PUNCH_HOLE|KEEP_SIZE|0x100", future.toString());
        assertEquals("0x200", FallocateMode.raw(0x200).toString());
        assertEquals("PUNCH_HOLE", FallocateMode.raw(0x02).toString()); // raw does not add KEEP_SIZE
    }

    @Test
    void toString_putsTheOperationBeforeKeepSize() {
        assertEquals("ALLOCATE", FallocateMode.ALLOCATE.toString());
        assertEquals("PUNCH_HOLE|KEEP_SIZE", FallocateMode.PUNCH_HOLE.toString());
        assertEquals("ZERO_RANGE|KEEP_SIZE", FallocateMode.ZERO_RANGE_KEEP_SIZE.toString());
        assertEquals("KEEP_SIZE", FallocateMode.KEEP_SIZE.toString());
    }

    @Test
    void createsFile_onlyForTheModesThatAllocateFromNothing() {
        assertTrue(FallocateMode.ALLOCATE.createsFile());
        assertTrue(FallocateMode.WRITE_ZEROES.createsFile());
        for (FallocateMode m : new FallocateMode[] {FallocateMode.KEEP_SIZE, FallocateMode.PUNCH_HOLE,
            FallocateMode.COLLAPSE_RANGE, FallocateMode.ZERO_RANGE, FallocateMode.INSERT_RANGE,
            FallocateMode.UNSHARE_RANGE}) {
            assertFalse(m.createsFile(), m.toString());
        }
    }
}
