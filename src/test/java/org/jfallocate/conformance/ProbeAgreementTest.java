package org.jfallocate.conformance;

import static org.jfallocate.conformance.Conformance.block;
import static org.jfallocate.conformance.Conformance.dataFile;
import static org.jfallocate.conformance.Conformance.probe;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jfallocate.Errno;
import org.jfallocate.Fallocate;
import org.jfallocate.FallocateException;
import org.jfallocate.ModeProbe;
import org.jfallocate.ModeSupport;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probe's table line for every mode on every filesystem is what a call of that mode
 * does on a different file and range: yes when it works, the same errno when it fails.
 */
class ProbeAgreementTest {

    static Stream<Arguments> filesystemsAndModes() {
        return Conformance.filesystems().flatMap(fs -> ModeProbe.MODES.keySet().stream().map(m -> Arguments.of(fs, m)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("filesystemsAndModes")
    void probeTableLine_matchesWhatTheCallDoes(TestFs fs, String modeName) throws Exception {
        Path dir = fs.freshDir("agree");
        int b = block(dir);
        Path file = dir.resolve("f");
        byte[] data = dataFile(file, 8 * b); // unlike the probe's file: 8 blocks, range [2b, 3b)
        ModeSupport.Result verdict = probe(fs).result(ModeProbe.MODES.get(modeName));
        String observed;
        try {
            Fallocate.fallocate(file, verdict.mode(), 2L * b, b);
            observed = modeName + " yes";
        } catch (FallocateException e) {
            observed = modeName + " no " + Errno.nameOf(e.errnoValue());
            assertArrayEquals(data, Files.readAllBytes(file), "a failed call changed the file");
        }
        assertEquals(observed, verdict.toLine(), "probe table of " + fs + ":\n" + probe(fs).toTable());
    }
}
