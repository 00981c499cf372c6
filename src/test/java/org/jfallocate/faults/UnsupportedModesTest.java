package org.jfallocate.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateMode;
import org.jfallocate.Preallocation;
import org.jfallocate.UnsupportedModeException;
import org.jfallocate.testing.FileBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EOPNOTSUPP: each mode a filesystem of the matrix refuses (measured on kernel 6.18), as an
 * {@link UnsupportedModeException}, the file untouched.
 */
class UnsupportedModesTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("ext2", List.of(FallocateMode.ALLOCATE, FallocateMode.KEEP_SIZE, FallocateMode.ZERO_RANGE,
                        FallocateMode.ZERO_RANGE_KEEP_SIZE, FallocateMode.COLLAPSE_RANGE, FallocateMode.INSERT_RANGE,
                        FallocateMode.UNSHARE_RANGE, FallocateMode.WRITE_ZEROES)),
                Arguments.of("tmpfs", List.of(FallocateMode.ZERO_RANGE, FallocateMode.ZERO_RANGE_KEEP_SIZE,
                        FallocateMode.COLLAPSE_RANGE, FallocateMode.INSERT_RANGE, FallocateMode.UNSHARE_RANGE,
                        FallocateMode.WRITE_ZEROES)),
                Arguments.of("btrfs", List.of(FallocateMode.COLLAPSE_RANGE, FallocateMode.INSERT_RANGE,
                        FallocateMode.UNSHARE_RANGE, FallocateMode.WRITE_ZEROES)),
                Arguments.of("ext4", List.of(FallocateMode.UNSHARE_RANGE, FallocateMode.WRITE_ZEROES)),
                Arguments.of("xfs", List.of(FallocateMode.WRITE_ZEROES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void modesTheFilesystemLacks_areUnsupportedModeExceptions_andChangeNothing(String type, List<FallocateMode> modes)
            throws Exception {
        Path file = Matrix.dirOn(type, "eopnotsupp").resolve("f");
        FileBytes.writePattern(file, 1 << 20);
        FileState before = FileState.of(file);
        for (FallocateMode mode : modes) {
            var e = assertThrows(UnsupportedModeException.class, () -> Fallocate.fallocate(file, mode, 65536, 65536),
                    type + " " + mode);
            Reported.as(Errno.EOPNOTSUPP, "does not support this mode", e);
            assertEquals(mode, e.mode());
            before.assertUnchanged(file);
        }
    }

    @Test
    void ext2WithoutFallocate_isServedByThePosixEmulation() throws Exception {
        Path file = Matrix.dirOn("ext2", "emulation").resolve("f");
        byte[] data = FileBytes.writePattern(file, 64 * 1024);
        assertEquals(Preallocation.POSIX_FALLOCATE_EMULATION, Fallocate.preallocate(file, 0, 1 << 20));
        FileState after = FileState.of(file);
        assertEquals(1 << 20, after.size());
        assertEquals(true, after.allocatedBytes() >= 1 << 20, "allocated " + after.allocatedBytes());
        assertEquals(List.of(), mismatches(data, after.bytes()));
    }

    private static List<Integer> mismatches(byte[] data, byte[] now) {
        return java.util.stream.IntStream.range(0, now.length)
                .filter(i -> now[i] != (i < data.length ? data[i] : 0)).limit(3).boxed().toList();
    }
}
