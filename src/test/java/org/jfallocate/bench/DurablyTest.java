package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy-tail rival's durability: {@link Durably#replace} renames over the old file and then
 * fsyncs the directory, as strace sees a child JVM do it on a real directory.
 */
class DurablyTest {

    @Test
    void replace_renamesOverTheTarget_thenFsyncsTheirDirectory(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace (Debian's package)");
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Path log = tmp.resolve("strace.log");
        Path out = tmp.resolve("child.out");
        Process p = new ProcessBuilder("/usr/bin/strace", "-f", "-qq", "-e", "trace=openat,fsync,rename,renameat,renameat2",
                "-o", log.toString(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Replace.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), Files.readString(out));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("target")), "the new content replaced the old");
        assertFalse(Files.exists(dir.resolve("source")));

        // "<pid> <call>", the pid padded to a fixed width.
        List<String> calls = Files.readAllLines(log);
        int rename = indexOf(calls, Pattern.compile("rename\\w*\\(.*\"" + Pattern.quote(dir.resolve("source").toString())
                + "\".*\"" + Pattern.quote(dir.resolve("target").toString()) + "\".*\\) = 0"));
        assertTrue(rename >= 0, "no rename of source over target in\n" + String.join("\n", calls));
        Matcher open = null;
        int fsync = -1;
        for (int i = rename + 1; i < calls.size() && fsync < 0; i++) {
            Matcher m = Pattern.compile("openat\\(AT_FDCWD, \"" + Pattern.quote(dir.toString()) + "\", [^)]*\\) = (\\d+)")
                    .matcher(calls.get(i));
            if (m.find()) {
                open = m;
            } else if (open != null && calls.get(i).matches("\\d+\\s+fsync\\(" + open.group(1) + "\\)\\s*= 0")) {
                fsync = i;
            }
        }
        assertTrue(fsync > rename, "the directory is opened and fsync'ed after the rename:\n"
                + String.join("\n", calls.subList(rename, calls.size())));
    }

    private static int indexOf(List<String> lines, Pattern p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** The child: writes {@code source}, then replaces {@code target} with it. */
    public static final class Replace {
        private Replace() {
        }

        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            Files.write(dir.resolve("target"), new byte[] {9, 9});
            Files.write(dir.resolve("source"), new byte[] {1, 2, 3});
            Durably.replace(dir.resolve("source"), dir.resolve("target"));
        }
    }
}
