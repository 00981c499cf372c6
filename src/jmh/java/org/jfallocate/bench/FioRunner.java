package org.jfallocate.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jfallocate.testing.ChildProcess;

/** Runs one {@link FioJob} with the fio binary and reads its JSON output. */
final class FioRunner {
    private static final long TIMEOUT_SECONDS = 600;

    private final String fio;

    /** @param fio the fio command ({@code fio} on PATH, or a path) */
    FioRunner(String fio) {
        this.fio = fio;
    }

    /**
     * @param fio the fio command
     * @return fio's version line, or empty when it cannot be run
     */
    static java.util.Optional<String> version(String fio) {
        try {
            ChildProcess.Result r = ChildProcess.run(new ProcessBuilder(fio, "--version").redirectErrorStream(true),
                    Duration.ofSeconds(30));
            String out = r.stdout().trim();
            return r.ok() && !out.isEmpty() ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /**
     * Writes the job file into {@code workDir}, runs fio there (exec_prerun leaves its output file
     * in the working directory: it is removed) and keeps fio's JSON as {@code json}.
     *
     * @return the job's microseconds per record
     * @throws IOException if fio fails, or its output says the job failed or wrote less than asked
     */
    double run(FioJob job, Path workDir, Path json) throws IOException, InterruptedException {
        Path jobFile = workDir.resolve(job.name() + ".fio");
        Files.writeString(jobFile, job.text(), StandardCharsets.UTF_8);
        ChildProcess.Result fioRun = ChildProcess.run(new ProcessBuilder(fio, "--output-format=json",
                "--output=" + json.toAbsolutePath(), jobFile.getFileName().toString())
                .directory(workDir.toFile()).redirectErrorStream(true), Duration.ofSeconds(TIMEOUT_SECONDS));
        Files.deleteIfExists(workDir.resolve(job.name() + ".prerun.txt"));
        Files.deleteIfExists(workDir.resolve(job.name() + ".postrun.txt"));
        Files.deleteIfExists(jobFile);
        if (!fioRun.ok()) {
            throw new IOException("fio exited with " + fioRun.exit() + " on " + job.strategy() + ": " + fioRun.stdout().trim());
        }
        try (Reader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            return usPerRecord(JsonParser.parseReader(r), job.sizeBytes() / job.recordBytes());
        }
    }

    /**
     * A record's cost in fio's JSON: the mean write latency plus the mean fdatasync latency.
     * fio issues its fdatasync before the next write, so the last record has no sync: counting the
     * mean sync for every record measures what the suite measures, a write and its sync.
     *
     * @param output fio's JSON output of one job
     * @param records the records the job had to write
     * @return microseconds per record
     * @throws IOException if the job failed or did not write every record
     */
    static double usPerRecord(JsonElement output, long records) throws IOException {
        List<JsonElement> jobs = output.getAsJsonObject().getAsJsonArray("jobs").asList();
        if (jobs.size() != 1) {
            throw new IOException("fio output has " + jobs.size() + " jobs, expected 1");
        }
        JsonObject job = jobs.get(0).getAsJsonObject();
        int error = job.get("error").getAsInt();
        if (error != 0) {
            throw new IOException("fio job " + job.get("jobname").getAsString() + " failed with error " + error);
        }
        JsonObject write = job.getAsJsonObject("write");
        long ios = write.get("total_ios").getAsLong();
        if (ios != records) {
            throw new IOException("fio job " + job.get("jobname").getAsString() + " wrote " + ios + " records, expected " + records);
        }
        double writeNs = write.getAsJsonObject("lat_ns").get("mean").getAsDouble();
        JsonObject sync = job.getAsJsonObject("sync").getAsJsonObject("lat_ns");
        long syncs = sync.get("N").getAsLong();
        if (records > 1 && syncs != records - 1) {
            throw new IOException("fio job " + job.get("jobname").getAsString() + " made " + syncs
                    + " fdatasyncs for " + records + " records, expected " + (records - 1) + " (fdatasync=1)");
        }
        double syncNs = syncs > 0 ? sync.get("mean").getAsDouble() : 0;
        return (writeNs + syncNs) / 1e3;
    }
}
