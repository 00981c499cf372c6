package org.jfallocate.bench;

import java.util.List;

/** validation.md: the table of {@link ValidationTable} for people, with its conditions. */
final class ValidationMarkdown {

    private ValidationMarkdown() {
    }

    static String of(List<ValidationTable.Row> rows, String conditions, List<String> notes) {
        StringBuilder sb = new StringBuilder("# Durable 4 KiB appends: the suite against fio\n\n");
        sb.append("Speed-up over NONE (NONE's time per record over the strategy's) in the suite and with fio, ")
                .append("measured alternately in one session on the same mounts; ± is the 95% confidence half-width, ")
                .append("propagated to the ratios. \"suite/fio\" is the suite's speed-up over fio's; the target is ")
                .append("within ±").append(Math.round(ValidationTable.TOLERANCE * 100)).append("% on ")
                .append(String.join(", ", ValidationTable.TARGET_FILESYSTEMS.stream().sorted().toList()))
                .append(". How the jobs match, and why pairs differ: docs/validation.md.\n\n");
        sb.append("Conditions: ").append(conditions).append(".\n\n");
        sb.append("Device: the block device's write requests, KiB written and flushes per record during the timed writes ")
                .append("(/sys/block/*/stat), suite / fio: the work each job really asked for, which scheduling noise ")
                .append("does not change.\n\n");
        sb.append("| fs | strategy | n | suite µs/record | fio µs/record | suite speed-up | fio speed-up | suite/fio | verdict "
                + "| device writes, KiB, flushes per record: suite / fio |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ValidationTable.Row r : rows) {
            sb.append("| ").append(r.fsType()).append(" | ").append(r.strategy()).append(" | ")
                    .append(Math.min(r.suite().n(), r.fio().n())).append(" | ")
                    .append(pm(r.suite().value(), r.suite().error())).append(" | ")
                    .append(pm(r.fio().value(), r.fio().error())).append(" | ")
                    .append(pm(r.suiteSpeedup().value(), r.suiteSpeedup().error())).append(" | ")
                    .append(pm(r.fioSpeedup().value(), r.fioSpeedup().error())).append(" | ")
                    .append(pm(r.suiteVsFio().value(), r.suiteVsFio().error())).append(" | ")
                    .append(ValidationTable.TARGET_FILESYSTEMS.contains(r.fsType()) ? r.verdict() : r.verdict() + " (no target)")
                    .append(" | ").append(device(r.suiteDevice())).append(" / ").append(device(r.fioDevice()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            sb.append("\nNot measured:\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    static String device(double[] d) {
        return d == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f, %.1f, %.2f", d[0], d[1], d[2]);
    }

    private static String pm(double v, double e) {
        return ValidationTable.num(v) + " ± " + ValidationTable.num(e);
    }
}
