package org.jfallocate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make validate}: checks the suite's durable-append speed-ups against fio's, in one
 * session, on the same mounts (docs/validation.md).
 *
 * <p>On every filesystem, for every strategy fio can express ({@link FioJob}) and the filesystem
 * supports, it alternates the suite's measurement, exactly one {@link DurableAppendBenchmark}
 * iteration with {@code syncEvery=1} (a fresh file reserved and fsynced by {@link AppendLog},
 * the appends timed, the file closed and deleted), with fio's equivalent job on a fresh file
 * of the same size. The order of the strategies rotates from one repetition to the next, and
 * which side goes first alternates, so that a slow phase of a noisy machine hits both alike.
 *
 * <p>Writes into {@code --out}: {@code validation-samples.csv} (every sample),
 * {@code validation.csv} ({@link ValidationTable#COLUMNS}), {@code validation.md} and
 * {@code fio/<fs>-<strategy>-<repetition>.json} (fio's own output).
 *
 * <p>Usage: {@code FioValidation --out DIR [--reps N] [--warmup N] [--size BYTES]
 * [--record BYTES] [--fio CMD] [--fs ext4,xfs] [--dir PATH]...}. Without {@code --dir} the
 * filesystems are the matrix's ({@code JFALLOCATE_MATRIX}), as in {@link BenchRunner}.
 */
public final class FioValidation {

    private FioValidation() {
    }

    /**
     * Runs the validation and exits with {@link #run}'s status.
     *
     * @param args the options of the class comment
     * @throws Exception if a file cannot be written or fio cannot be started
     */
    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Options of one validation run. */
    record Options(Path out, int reps, int warmup, long sizeBytes, int recordBytes, String fio,
                   List<String> filesystems, List<String> dirs) {
    }

    /**
     * Runs the validation as {@link #main} does.
     *
     * @return 0, 1 when fio or the suite failed, 2 for bad arguments, 3 when fio is not installed
     */
    static int run(String[] args) throws IOException, InterruptedException {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("validate: " + e.getMessage());
            return 2;
        }
        Optional<String> version = FioRunner.version(o.fio());
        if (version.isEmpty()) {
            System.err.println("validate: fio not found (" + o.fio() + "): install it (Debian: apt-get install fio)");
            return 3;
        }
        List<BenchTarget> targets = BenchTarget.discover(o.dirs(), System.getenv("JFALLOCATE_MATRIX"),
                Path.of("").toAbsolutePath());
        if (!o.filesystems().isEmpty()) {
            targets = targets.stream().filter(t -> o.filesystems().contains(t.name())).toList();
        }
        if (targets.isEmpty()) {
            System.err.println("validate: no filesystem left to run on (--fs " + o.filesystems() + ")");
            return 2;
        }
        Path fioDir = Files.createDirectories(o.out().resolve("fio"));
        // fio's job file, console log and exec_prerun output stay off the filesystem under test:
        // creating and removing them there would leave metadata for the next timed fdatasync to commit.
        // Absolute: fio runs in this directory, and its exec_prerun/exec_postrun name files in it.
        Path work = Files.createTempDirectory(o.out(), "fio-work-").toAbsolutePath();
        Instant started = Instant.now();
        System.out.println("validate: " + version.get() + ", " + o.reps() + " repetitions of "
                + o.sizeBytes() / o.recordBytes() + " records of " + o.recordBytes() + " bytes on " + targets);

        Map<ValidationTable.Key, List<Double>> samples = new LinkedHashMap<>();
        Map<ValidationTable.Key, List<double[]>> device = new LinkedHashMap<>();
        List<String> sampleLines = new ArrayList<>();
        sampleLines.add("fs_type,strategy,side,repetition,us_per_record,dev_writes_per_record,dev_kib_per_record,"
                + "dev_flushes_per_record");
        Path script = work.resolve("snapshot.sh");
        Files.writeString(script, FioJob.Probe.SCRIPT, StandardCharsets.UTF_8);
        List<String> notes = new ArrayList<>();
        FioRunner fio = new FioRunner(o.fio());
        for (BenchTarget target : targets) {
            DirectorySupport support = DirectorySupport.probe(target.dir());
            List<Strategy> strategies = new ArrayList<>();
            for (Strategy s : Strategy.values()) {
                if (!FioJob.expressible(s)) {
                    continue;
                }
                Optional<String> why = s.requirement().unmetIn(support);
                if (why.isPresent()) {
                    notes.add(target.name() + " " + s + ": unsupported (" + why.get() + ")");
                } else {
                    strategies.add(s);
                }
            }
            Optional<Path> stat = DeviceCounters.statFile(target.fs());
            ScratchDir scratch = new ScratchDir(target.dir().toString(), "validate");
            try {
                for (int rep = -o.warmup(); rep < o.reps(); rep++) {
                    int shift = Math.floorMod(rep, strategies.size());
                    for (int i = 0; i < strategies.size(); i++) {
                        Strategy s = strategies.get((i + shift) % strategies.size());
                        boolean suiteFirst = Math.floorMod(rep + i, 2) == 0;
                        for (int side = 0; side < 2; side++) {
                            boolean suite = (side == 0) == suiteFirst;
                            String tag = rep < 0 ? "warmup" + (-rep) : Integer.toString(rep);
                            Sample sample = suite ? suiteSample(scratch, s, o, stat)
                                    : fioSample(fio, new FioJob(s, scratch.newFile("fio-" + s.name().toLowerCase(java.util.Locale.ROOT)),
                                    o.sizeBytes(), o.recordBytes(), stat.map(f -> new FioJob.Probe(script, f,
                                    work.resolve("before.stat"), work.resolve("after.stat"))).orElse(null)), work,
                                    fioDir.resolve(target.name() + "-" + s.name() + "-" + tag + ".json"));
                            double us = sample.usPerRecord();
                            if (rep >= 0) {
                                String sideName = suite ? "suite" : "fio";
                                samples.computeIfAbsent(new ValidationTable.Key(target.name(), s.name(), sideName),
                                        k -> new ArrayList<>()).add(us);
                                double[] d = sample.device();
                                if (d != null) {
                                    device.computeIfAbsent(new ValidationTable.Key(target.name(), s.name(), sideName),
                                            k -> new ArrayList<>()).add(d);
                                }
                                sampleLines.add(String.join(",", target.name(), s.name(), sideName,
                                        Integer.toString(rep), ValidationTable.num(us),
                                        d == null ? "" : ValidationTable.num(d[0]), d == null ? "" : ValidationTable.num(d[1]),
                                        d == null ? "" : ValidationTable.num(d[2])));
                            }
                        }
                    }
                }
            } finally {
                scratch.close();
            }
            System.out.println("validate: " + target.name() + " done");
        }
        Files.delete(script);
        Files.delete(work);
        List<ValidationTable.Row> rows = ValidationTable.compute(samples, device);
        Files.write(o.out().resolve("validation-samples.csv"), sampleLines, StandardCharsets.UTF_8);
        List<String> csv = new ArrayList<>();
        csv.add(String.join(",", ValidationTable.COLUMNS));
        rows.forEach(r -> csv.add(String.join(",", r.fields())));
        Files.write(o.out().resolve("validation.csv"), csv, StandardCharsets.UTF_8);
        String conditions = version.get() + ", kernel " + RunEnvironment.kernel() + ", " + o.reps()
                + " repetitions (after " + o.warmup() + " warm-up) of " + o.sizeBytes() / o.recordBytes() + " records of "
                + o.recordBytes() + " bytes, fdatasync after each, a fresh file per sample, started "
                + started + ", " + java.time.Duration.between(started, Instant.now()).toSeconds() + " s";
        Files.writeString(o.out().resolve("validation.md"), ValidationMarkdown.of(rows, conditions, notes),
                StandardCharsets.UTF_8);
        System.out.print(ValidationMarkdown.of(rows, conditions, notes));
        System.out.println("validate: wrote " + o.out().resolve("validation.csv") + " (" + rows.size() + " rows)");
        return 0;
    }

    /** One sample: microseconds per record, and the device's writes, KiB and flushes per record (or null). */
    record Sample(double usPerRecord, double[] device) {
    }

    /**
     * One {@link DurableAppendBenchmark} iteration, timed as JMH's single shot times it, with the
     * device's counters read just around the timed appends.
     */
    /** DurableAppendBenchmark's default chunkBytes; only CHUNKED_KEEP_SIZE uses it, and fio has no such job. */
    private static final long CHUNK_BYTES = 1 << 20;

    private static Sample suiteSample(ScratchDir scratch, Strategy strategy, Options o, Optional<Path> stat)
            throws IOException {
        int records = (int) (o.sizeBytes() / o.recordBytes());
        long elapsed;
        double[] device = null;
        LogSpec spec = new LogSpec(strategy, o.sizeBytes(), o.recordBytes(), WritePath.FDATASYNC_EACH, CHUNK_BYTES);
        try (AppendLog log = AppendLog.create(scratch.newFile("suite-" + strategy.name().toLowerCase(java.util.Locale.ROOT)),
                spec, latency -> { })) {
            DeviceCounters before = stat.isPresent() ? DeviceCounters.read(stat.get()) : null;
            long start = System.nanoTime();
            log.append(records);
            log.finish();
            elapsed = System.nanoTime() - start;
            if (before != null) {
                device = DeviceCounters.read(stat.get()).perRecordSince(before, records);
            }
        }
        SecondaryMetrics.reset();
        return new Sample(elapsed / 1e3 / records, device);
    }

    /** One fio job, with the device's counters its prerun and postrun snapshot around the timed writes. */
    private static Sample fioSample(FioRunner fio, FioJob job, Path work, Path json) throws IOException, InterruptedException {
        double us = fio.run(job, work, json);
        double[] device = null;
        if (job.probe() != null) {
            FioJob.Probe p = job.probe();
            device = DeviceCounters.parse(Files.readString(p.after())).perRecordSince(
                    DeviceCounters.parse(Files.readString(p.before())), job.sizeBytes() / job.recordBytes());
            Files.delete(p.before());
            Files.delete(p.after());
        }
        return new Sample(us, device);
    }

    static Options parse(String[] args) {
        Path out = null;
        int reps = 10;
        int warmup = 1;
        long size = (long) DurableAppendBenchmark.RECORDS * 4096;
        int record = 4096;
        String fio = "fio";
        List<String> fs = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = Path.of(v);
                case "--reps" -> reps = positive(a, v, 2);
                case "--warmup" -> warmup = positive(a, v, 0);
                case "--size" -> size = positive(a, v, 1);
                case "--record" -> record = positive(a, v, 1);
                case "--fio" -> fio = v;
                case "--fs" -> fs.addAll(Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).toList());
                case "--dir" -> dirs.add(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (size % record != 0) {
            throw new IllegalArgumentException("--size must be a multiple of --record, was " + size + " and " + record);
        }
        return new Options(out, reps, warmup, size, record, fio, fs, dirs);
    }

    private static int positive(String option, String value, int min) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer >= " + min + ", was " + value);
    }
}
