package org.jfallocate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sizes and their verbose rendering as util-linux reads and writes them. The table is what
 * util-linux 2.38.1's {@code fallocate -v -l SIZE} printed for each string on this machine;
 * the last test asks the installed fallocate again, so the table cannot drift from it.
 */
class SizeParserTest {
    /** String -> bytes (unsigned), as fallocate 2.38.1 printed them. */
    static final Map<String, String> ACCEPTED = new LinkedHashMap<>();
    static {
        ACCEPTED.put("1", "1");
        ACCEPTED.put("4096", "4096");
        ACCEPTED.put("1K", "1024");
        ACCEPTED.put("1k", "1024");
        ACCEPTED.put("1KiB", "1024");
        ACCEPTED.put("1kib", "1024");
        ACCEPTED.put("1Kib", "1024");
        ACCEPTED.put("1KB", "1000");
        ACCEPTED.put("1Kb", "1000");
        ACCEPTED.put("1kB", "1000");
        ACCEPTED.put("1M", "1048576");
        ACCEPTED.put("1MB", "1000000");
        ACCEPTED.put("1mb", "1000000");
        ACCEPTED.put("1G", "1073741824");
        ACCEPTED.put("1GB", "1000000000");
        ACCEPTED.put("1T", "1099511627776");
        ACCEPTED.put("1P", "1125899906842624");
        ACCEPTED.put("1E", "1152921504606846976");
        ACCEPTED.put("1e", "1152921504606846976");
        ACCEPTED.put("0.5MiB", "524288");
        ACCEPTED.put("0.5K", "512");
        ACCEPTED.put("00.5K", "512");
        ACCEPTED.put("1.5K", "1536");
        ACCEPTED.put("1.5KiB", "1536");
        ACCEPTED.put("1.5KB", "1500");
        ACCEPTED.put("3.3KB", "3333");
        ACCEPTED.put("1.05K", "1075");
        ACCEPTED.put("1.05MB", "1050000");
        ACCEPTED.put("1.999K", "2150");
        ACCEPTED.put("1.9999999999K", "2150");
        ACCEPTED.put("1.0001K", "1024");
        ACCEPTED.put("1.000000000000000000001K", "1024");
        ACCEPTED.put("1.25G", "1342177279");
        ACCEPTED.put("1.K", "1024");
        ACCEPTED.put("1.0K", "1024");
        ACCEPTED.put("0x10", "16");
        ACCEPTED.put("0X1F", "31");
        ACCEPTED.put("010", "8");
        ACCEPTED.put(" 5", "5");
        ACCEPTED.put("  +7", "7");
        ACCEPTED.put("+5", "5");
        ACCEPTED.put("1048575", "1048575");
        ACCEPTED.put("9223372036854775807", "9223372036854775807");
        // accepted by the parser, refused as a length afterwards (0, or >= 2^63 as a signed loff_t)
        ACCEPTED.put("0", "0");
        ACCEPTED.put("0.0001K", "0");
        ACCEPTED.put("8E", "9223372036854775808");
        ACCEPTED.put("9223372036854775808", "9223372036854775808");
        ACCEPTED.put("18446744073709551615", "18446744073709551615");
    }

    /** Strings fallocate 2.38.1 refused: "invalid length value specified". */
    static final List<String> REFUSED = List.of("", "-1", " -5", "1.5", "0.1", "1.0", "1.00", "1.", "1e3", "5 ",
            "1KiBB", "1KiBb", "1KIB", "1B", "1iB", "5XiB", "16E", "1Z", "1Y", "08", "0x", ".5K", "1,5K", "K",
            "18446744073709551616", "1.5.5K", "+-5");

    @Test
    void acceptsWhatUtilLinuxAcceptsWithTheSameValue() throws Exception {
        for (var e : ACCEPTED.entrySet()) {
            assertEquals(e.getValue(), Long.toUnsignedString(SizeParser.parse(e.getKey())), "'" + e.getKey() + "'");
        }
    }

    @Test
    void refusesWhatUtilLinuxRefuses() {
        for (String s : REFUSED) {
            assertThrows(SizeParser.NotASize.class, () -> SizeParser.parse(s), "'" + s + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1023, 1024, 1075, 1536, 2150, 3333, 524288, 1000000, 1048575, 1048576,
            1342177279, 1000000000, Long.MAX_VALUE})
    void humanSizesMatchTheTable(long bytes) {
        String expected = switch ((int) Math.min(bytes, Integer.MAX_VALUE)) {
            case 0 -> "0 B";
            case 1 -> "1 B";
            case 1023 -> "1023 B";
            case 1024, 1075 -> "1 KiB";
            case 1536 -> "1.5 KiB";
            case 2150 -> "2.1 KiB";
            case 3333 -> "3.3 KiB";
            case 524288 -> "512 KiB";
            case 1000000 -> "976.6 KiB";
            case 1048575 -> "1024 KiB";
            case 1048576 -> "1 MiB";
            case 1342177279 -> "1.2 GiB";
            case 1000000000 -> "953.7 MiB";
            default -> "8 EiB";
        };
        assertEquals(expected, HumanSize.format(bytes));
    }

    /**
     * The installed util-linux, asked about every string of both tables: value and verbose
     * wording. On tmpfs, whose maximum file size is 2^63 - 1, punching a hole of any valid
     * length into an empty file succeeds and allocates nothing.
     */
    @Test
    void installedUtilLinuxAgreesWithBothTables() throws Exception {
        assumeTrue(Tools.utilLinuxPresent(), "util-linux fallocate(1) is not installed");
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs a writable tmpfs at /dev/shm");
        Path dir = Files.createTempDirectory(shm, "jfallocate-sizes-");
        Files.createFile(dir.resolve("f"));
        try {
            compareEveryString(dir);
        } finally {
            Files.delete(dir.resolve("f"));
            Files.delete(dir);
        }
    }

    private static void compareEveryString(Path dir) throws Exception {
        List<String> all = new ArrayList<>(ACCEPTED.keySet());
        all.addAll(REFUSED);
        for (String s : all) {
            // punching a hole allocates nothing, whatever the length
            Tools.Run ul = Tools.utilLinux(dir, "-p", "-v", "-l", s, "f");
            long value;
            try {
                value = SizeParser.parse(s);
            } catch (SizeParser.NotASize e) {
                value = -1;
            }
            if (value > 0) {
                assertEquals("f: " + HumanSize.format(value) + " (" + value + " bytes) hole created.\n", ul.stdout(),
                        "'" + s + "'");
            } else {
                assertEquals("fallocate: invalid length value specified\n", ul.stderr(), "'" + s + "'");
            }
        }
    }
}
