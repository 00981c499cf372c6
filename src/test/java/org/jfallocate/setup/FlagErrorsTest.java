package org.jfallocate.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfallocate.testing.JavaProcess;
import org.jfallocate.testing.JavaProcess.Result;
import org.jfallocate.testing.TestFilesystems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user gets for a missing JVM flag, in a child JVM: with native access denied the
 * classes load and each call says which flag to add; without {@code --add-opens} each call
 * gets its own exception, naming the overload it used.
 */
class FlagErrorsTest {
    // Each call is made twice, from two lines of main, and what it threw printed: class,
    // message, the line of main its stack trace shows, and whether the two were one instance.
    private static final String PROGRAM = """
            import java.io.FileOutputStream;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            import org.jfallocate.Fallocate;
            import org.jfallocate.FallocateFile;
            import org.jfallocate.FallocateMode;

            public class Calls {
                interface Call { void run(Path file) throws Exception; }

                public static void main(String[] args) throws Exception {
                    Path file = Path.of(args[0]);
                    Call call = switch (args[1]) {
                        case "channel" -> f -> { try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                            Fallocate.fallocate(ch, FallocateMode.KEEP_SIZE, 0, 4096); } };
                        case "descriptor" -> f -> { try (FileOutputStream out = new FileOutputStream(f.toFile(), true)) {
                            Fallocate.fallocate(out.getFD(), FallocateMode.KEEP_SIZE, 0, 4096); } };
                        case "handle" -> f -> { try (FallocateFile h = FallocateFile.open(f)) {
                            h.fallocate(FallocateMode.KEEP_SIZE, 0, 4096); } };
                        default -> throw new IllegalArgumentException(args[1]);
                    };
                    Throwable first = null;
                    Throwable second = null;
                    try { call.run(file); } catch (Throwable t) { first = t; }
                    try { call.run(file); } catch (Throwable t) { second = t; }
                    print("first", first);
                    print("second", second);
                    System.out.println("same instance: " + (first != null && first == second));
                }

                static void print(String which, Throwable t) {
                    if (t == null) { System.out.println(which + ": none"); return; }
                    int line = -1;
                    for (StackTraceElement e : t.getStackTrace()) {
                        if (e.getClassName().equals("Calls") && e.getMethodName().equals("main")) { line = e.getLineNumber(); break; }
                    }
                    System.out.println(which + ": " + t.getClass().getName() + ": " + t.getMessage() + " @line " + line);
                }
            }
            """;
    private static Path work;
    private static Path file;

    @BeforeAll
    static void compile() throws Exception {
        work = Files.createTempDirectory(TestFilesystems.all().get(0).dir(), "flags");
        Files.writeString(work.resolve("Calls.java"), PROGRAM);
        Result javac = JavaProcess.run(work, "javac", "-cp", JavaProcess.bindingClasses().toString(), "Calls.java");
        assertEquals(0, javac.exitCode(), javac.stderr());
        file = work.resolve("data");
        Files.write(file, new byte[100]);
    }

    @Test
    void nativeAccessDenied_classesLoad_andEveryCallNamesTheFlagToAdd() throws Exception {
        Result r = run("handle", "--illegal-native-access=deny", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        assertEquals(0, r.exitCode(), r.stderr());
        String expected = "java.lang.UnsupportedOperationException: jfallocate needs native access, which this JVM "
                + "denies: add the JVM flag --enable-native-access=ALL-UNNAMED";
        assertTrue(r.stdout().contains("first: " + expected), r.stdout());
        assertTrue(r.stdout().contains("second: " + expected), "not NoClassDefFoundError the second time: " + r.stdout());
        assertFalse(r.stdout().contains("ExceptionInInitializerError") || r.stdout().contains("NoClassDefFoundError"),
                r.stdout());
    }

    @Test
    void nativeAccessDenied_theChannelOverloadSaysTheSame() throws Exception {
        Result r = run("channel", "--illegal-native-access=deny", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("first: java.lang.UnsupportedOperationException: jfallocate needs native access"),
                r.stdout());
    }

    @Test
    void withNativeAccess_theHandleNeedsNoAddOpens() throws Exception {
        Result r = run("handle", "--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("first: none\nsecond: none\nsame instance: false\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void withoutAddOpens_theFileChannelOverload_throwsAFreshException_namingFileChannel() throws Exception {
        assertFreshAndNamed("channel", "FileChannel");
    }

    @Test
    void withoutAddOpens_theFileDescriptorOverload_throwsAFreshException_namingFileDescriptor() throws Exception {
        assertFreshAndNamed("descriptor", "FileDescriptor");
    }

    private static void assertFreshAndNamed(String overload, String type) throws Exception {
        Result r = run(overload, "--enable-native-access=ALL-UNNAMED");
        assertEquals(0, r.exitCode(), r.stderr());
        String expected = "java.lang.UnsupportedOperationException: reaching the int descriptor of a " + type
                + " needs the JVM flag --add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("first: " + expected), r.stdout());
        assertTrue(lines.get(1).startsWith("second: " + expected), r.stdout());
        assertEquals("same instance: false", lines.get(2), "a fresh exception per call");
        // Each one's stack trace is its own caller's: the two calls are on two lines of main.
        String firstLine = lines.get(0).replaceAll(".*@line ", "");
        String secondLine = lines.get(1).replaceAll(".*@line ", "");
        assertNotEquals("-1", firstLine, r.stdout());
        assertEquals(Integer.parseInt(firstLine) + 1, Integer.parseInt(secondLine), "the second call's own line: " + r.stdout());
    }

    private static Result run(String overload, String... jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.addAll(List.of("-cp", JavaProcess.bindingClasses() + ":.", "Calls", file.toString(), overload));
        return JavaProcess.run(work, "java", args.toArray(String[]::new));
    }
}
