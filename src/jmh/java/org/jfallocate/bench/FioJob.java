package org.jfallocate.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fio job that does what one iteration of {@link DurableAppendBenchmark} does with a
 * {@link Strategy} (sync after every record): lay out a fresh file, make the layout durable,
 * then append fixed-size records from offset 0, fdatasync after each, and remove the file.
 *
 * <p>What fio does with each option, from its source (fio 3.33, filesetup.c and backend.c):
 * <ul>
 *   <li>A write job with {@code overwrite=0} unlinks the file and recreates it at layout time,
 *       makes the one {@code fallocate=} call and nothing else: no ftruncate, no write, and no
 *       fsync ({@code create_fsync} is only honoured on the path that writes the file). The
 *       suite fsyncs every reservation, so the job runs {@code sync FILE} (coreutils: fsync) as
 *       {@code exec_prerun}, which fio runs after the layout and before the timed writes.</li>
 *   <li>{@code overwrite=1} lays the file out by writing it ({@code bs}-sized writes after an
 *       ftruncate) and fsyncs it: the suite's ZERO_FILLED, with fio's buffer contents instead
 *       of zeros (nothing here compresses or deduplicates).</li>
 *   <li>{@code fallocate=} defaults to {@code native} on Linux: the NONE job must say
 *       {@code none}, or it measures FALLOCATE.</li>
 *   <li>{@code loops=1} and {@code unlink=1}: fio lays a file out once per job, so a second loop
 *       would overwrite the blocks the first one wrote (a recycled file), and
 *       {@code unlink_each_loop} would recreate it without any reservation. One fio process per
 *       fresh file is the only way to repeat a fresh-file measurement.</li>
 *   <li>fio drops the page cache of a laid-out file unconditionally (posix_fadvise DONTNEED after
 *       the layout, whatever {@code invalidate} says); {@code invalidate=0} only stops the second
 *       drop before the I/O. With 4 KiB-aligned whole-block writes nothing is read back either way.</li>
 *   <li>{@code fdatasync=1} issues the sync before the next write, so the last record is not
 *       synced: one record in {@code size/bs}, which {@code end_fsync} would fix at the price of an
 *       fsync the suite does not make.</li>
 * </ul>
 *
 * @param strategy the suite's strategy this job reproduces
 * @param file the file fio creates, writes and removes
 * @param sizeBytes the bytes reserved and then written
 * @param recordBytes the bytes per write
 * @param probe where to snapshot the device's counters around the timed writes, or null for none
 */
public record FioJob(Strategy strategy, Path file, long sizeBytes, int recordBytes, Probe probe) {

    /**
     * A snapshot of {@code /sys/block/<dev>/stat} just before the timed writes (after the layout's
     * fsync) and just after them (fio's exec_postrun runs before it closes and unlinks the file),
     * by a shell script, since fio appends its own output redirection to each exec command and
     * cuts a job-file line at ';'.
     *
     * @param script the script {@link #SCRIPT} is written to
     * @param statFile the device's stat file
     * @param before where the first snapshot goes
     * @param after where the second goes
     */
    public record Probe(Path script, Path statFile, Path before, Path after) {
        /** Syncs $1 unless it is "-", then copies the counters $2 into $3. */
        public static final String SCRIPT = "#!/bin/sh\n[ \"$1\" = - ] || sync \"$1\" || exit 1\ncat \"$2\" > \"$3\"\n";
    }

    /**
     * A job without device counters.
     *
     * @param strategy the suite's strategy this job reproduces
     * @param file the file fio creates, writes and removes
     * @param sizeBytes the bytes reserved and then written
     * @param recordBytes the bytes per write
     */
    public FioJob(Strategy strategy, Path file, long sizeBytes, int recordBytes) {
        this(strategy, file, sizeBytes, recordBytes, null);
    }

    /** fio's {@code fallocate=} value for each strategy it can express. */
    private static final Map<Strategy, String> FALLOCATE = new EnumMap<>(Strategy.class);

    static {
        FALLOCATE.put(Strategy.NONE, "none");
        FALLOCATE.put(Strategy.SPARSE, "truncate");
        FALLOCATE.put(Strategy.FALLOCATE, "native");
        FALLOCATE.put(Strategy.FALLOCATE_KEEP_SIZE, "keep");
        FALLOCATE.put(Strategy.POSIX_FALLOCATE, "posix");
        FALLOCATE.put(Strategy.ZERO_FILLED, "none");
    }

    /**
     * Checks the job: a strategy fio can express, a size that is a whole number of records, and
     * paths that can go into a job file line and a shell command unquoted.
     */
    public FioJob {
        if (!expressible(strategy)) {
            throw new IllegalArgumentException("strategy " + strategy + " has no fio equivalent (fio can express "
                    + FALLOCATE.keySet() + ")");
        }
        if (recordBytes <= 0 || sizeBytes < recordBytes || sizeBytes % recordBytes != 0) {
            throw new IllegalArgumentException("sizeBytes must be a positive multiple of recordBytes, was "
                    + sizeBytes + " and " + recordBytes);
        }
        for (Path p : probe == null ? java.util.List.of(file) : java.util.List.of(file, probe.script(), probe.statFile(),
                probe.before(), probe.after())) {
            if (p.toString().matches(".*[\\s;&|<>$`'\"\\\\].*")) {
                // The paths go into job file lines and into the shell commands of exec_prerun and exec_postrun.
                throw new IllegalArgumentException("file must not contain spaces or shell characters, was " + p);
            }
        }
    }

    /**
     * @param strategy a strategy of the suite
     * @return whether fio can lay a file out the way it does
     */
    public static boolean expressible(Strategy strategy) {
        return FALLOCATE.containsKey(strategy);
    }

    /** @return fio's {@code fallocate=} value for this job */
    public String fallocate() {
        return FALLOCATE.get(strategy);
    }

    /** @return whether fio lays the file out by writing it ({@code overwrite=1}) */
    public boolean overwrite() {
        return strategy == Strategy.ZERO_FILLED;
    }

    /** @return the job's name: the strategy's, lower case */
    public String name() {
        return strategy.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the job file's text */
    public String text() {
        return """
                ; jfallocate: DurableAppendBenchmark with %s (syncEvery=1), as a fio job
                [global]
                ioengine=psync
                rw=write
                bs=%d
                size=%d
                direct=0
                iodepth=1
                numjobs=1
                fdatasync=1
                end_fsync=0
                loops=1
                unlink=1
                create_on_open=0
                create_fsync=1
                invalidate=0
                pre_read=0
                fadvise_hint=0
                scramble_buffers=0

                [%s]
                filename=%s
                fallocate=%s
                overwrite=%d
                %s""".formatted(strategy, recordBytes, sizeBytes, name(), file, fallocate(), overwrite() ? 1 : 0, runs());
    }

    /** The reservation's fsync before the timed writes, and the device snapshots around them when probed. */
    private String runs() {
        if (probe == null) {
            return "exec_prerun=sync " + file + "\n";
        }
        return "exec_prerun=/bin/sh " + probe.script() + " " + file + " " + probe.statFile() + " " + probe.before() + "\n"
                + "exec_postrun=/bin/sh " + probe.script() + " - " + probe.statFile() + " " + probe.after() + "\n";
    }

    /** @return the job for {@code strategy}, or empty when fio cannot express it */
    static Optional<FioJob> of(Strategy strategy, Path file, long sizeBytes, int recordBytes) {
        return expressible(strategy) ? Optional.of(new FioJob(strategy, file, sizeBytes, recordBytes)) : Optional.empty();
    }
}
