package org.jfallocate.fsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfallocate.testing.TestFilesystems;
import org.jfallocate.testing.TestFilesystems.TestFs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fsx-style exerciser with a fixed seed and a bounded number of steps on every
 * filesystem of the run; {@code make fsx} runs it longer, with any seed.
 */
class ExerciserTest {
    /** Fixed, so CI is reproducible; a failure message repeats it with the replay command. */
    static final long SEED = 20261123L;
    static final int OPS = 15_000;

    static List<TestFs> filesystems() {
        return TestFilesystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void randomOperations_leaveTheFileExactlyAsTheModelSays(TestFs fs) throws Exception {
        System.out.println("fsx: " + fs.type() + " seed=" + SEED + " ops=" + OPS);
        Exerciser.Stats stats = Exerciser.run(fs.type(), fs.freshDir("fsx"), SEED, OPS);
        System.out.println("fsx: " + stats);
        assertEquals(OPS, stats.byKind().values().stream().mapToInt(Integer::intValue).sum(), "every step was counted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesystems")
    void aByteChangedBehindTheModelsBack_isCaughtAtThatStep_withTheReplayCommand(TestFs fs) {
        var e = assertThrows(Exerciser.ModelMismatch.class,
                () -> Exerciser.run(fs.type(), fs.freshDir("fsx-sabotage"), SEED, 400, 300));
        assertTrue(e.getMessage().contains("step 300 "), e.getMessage());
        assertTrue(e.getMessage().contains("make fsx SEED=" + SEED + " OPS=300"), e.getMessage());
    }
}
