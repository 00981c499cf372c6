package org.jfallocate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The speed-ups, their propagated errors and the agreement verdict, computed by hand. */
class ValidationTableTest {

    private static ValidationTable.Key key(String fs, Strategy s, String side) {
        return new ValidationTable.Key(fs, s.name(), side);
    }

    @Test
    void mean_hasTheStudentTHalfWidth() {
        // n = 4, mean 10, sample sd = sqrt(20/3); t(0.975, 3) = 3.182446
        ValidationTable.Mean m = ValidationTable.Mean.of(List.of(7.0, 9.0, 11.0, 13.0));
        assertEquals(10.0, m.value(), 1e-12);
        assertEquals(3.182446 * Math.sqrt(20.0 / 3) / 2, m.error(), 1e-5);
        assertEquals(4, m.n());
        assertThrows(IllegalArgumentException.class, () -> ValidationTable.Mean.of(List.of(1.0)));
    }

    @Test
    void ratio_propagatesRelativeErrorsInQuadrature() {
        ValidationTable.Ratio r = ValidationTable.Ratio.of(new ValidationTable.Mean(200, 30, 5),
                new ValidationTable.Mean(100, 4, 5));
        assertEquals(2.0, r.value(), 1e-12);
        assertEquals(2.0 * Math.sqrt(0.15 * 0.15 + 0.04 * 0.04), r.error(), 1e-12);
        ValidationTable.Ratio q = ValidationTable.Ratio.of(r, new ValidationTable.Ratio(1.6, 0.16));
        assertEquals(1.25, q.value(), 1e-12);
        assertEquals(1.25 * Math.hypot(r.error() / 2.0, 0.1), q.error(), 1e-12);
    }

    @Test
    void compute_speedupOverNoneOnEachSide_andTheirRatio() {
        Map<ValidationTable.Key, List<Double>> samples = new LinkedHashMap<>();
        samples.put(key("ext4", Strategy.NONE, "suite"), List.of(500.0, 520.0, 480.0));
        samples.put(key("ext4", Strategy.NONE, "fio"), List.of(600.0, 600.0, 600.0, 600.0));
        samples.put(key("ext4", Strategy.ZERO_FILLED, "suite"), List.of(250.0, 250.0, 250.0));
        samples.put(key("ext4", Strategy.ZERO_FILLED, "fio"), List.of(240.0, 260.0, 250.0, 250.0));
        samples.put(key("ext4", Strategy.FALLOCATE, "suite"), List.of(500.0, 500.0));
        samples.put(key("ext4", Strategy.FALLOCATE, "fio"), List.of(400.0, 400.0));
        List<ValidationTable.Row> rows = ValidationTable.compute(samples);
        assertEquals(List.of("NONE", "ZERO_FILLED", "FALLOCATE"), rows.stream().map(ValidationTable.Row::strategy).toList());

        ValidationTable.Row none = rows.get(0);
        assertEquals(1.0, none.suiteSpeedup().value(), 1e-12);
        assertEquals(1.0, none.suiteVsFio().value(), 1e-12);

        ValidationTable.Row zero = rows.get(1);
        assertEquals(2.0, zero.suiteSpeedup().value(), 1e-12);   // 500 / 250
        assertEquals(2.4, zero.fioSpeedup().value(), 1e-12);     // 600 / 250
        assertEquals(2.0 / 2.4, zero.suiteVsFio().value(), 1e-12);
        double suiteNoneRel = ValidationTable.Mean.of(List.of(500.0, 520.0, 480.0)).error() / 500;
        assertEquals(2.0 * suiteNoneRel, zero.suiteSpeedup().error(), 1e-9, "ZERO_FILLED's suite samples have no spread");
        assertFalse(zero.withinTolerance(), "0.833 is 16.7% off");
        assertEquals("differs (within error)", zero.verdict(), "0.833 ± 0.094 reaches 0.85");
        assertEquals(List.of("ext4", "ZERO_FILLED", "3"), zero.fields().subList(0, 3));
        assertEquals(ValidationTable.COLUMNS.size(), zero.fields().size());

        ValidationTable.Row falloc = rows.get(2);
        assertEquals(1.0, falloc.suiteSpeedup().value(), 1e-12);
        assertEquals(1.5, falloc.fioSpeedup().value(), 1e-12);
        assertEquals("differs", falloc.verdict(), "0.667 ± 0.066 stays below 0.85");
    }

    @Test
    void verdict_agreesWithin15Percent_differsBeyondTheErrorOtherwise() {
        ValidationTable.Mean m = new ValidationTable.Mean(100, 1, 5);
        ValidationTable.Ratio one = new ValidationTable.Ratio(1, 0.01);
        assertEquals("agrees", row(new ValidationTable.Ratio(1.15, 0.01)).verdict());
        assertEquals("agrees", row(new ValidationTable.Ratio(0.85, 0.01)).verdict());
        assertEquals("differs", row(new ValidationTable.Ratio(1.30, 0.05)).verdict());
        assertEquals("differs (within error)", row(new ValidationTable.Ratio(1.30, 0.20)).verdict());
        assertEquals("differs", row(new ValidationTable.Ratio(0.70, 0.05)).verdict());
        assertTrue(new ValidationTable.Row("xfs", "NONE", m, m, one, one, one).withinTolerance());
    }

    private static ValidationTable.Row row(ValidationTable.Ratio suiteVsFio) {
        ValidationTable.Mean m = new ValidationTable.Mean(100, 1, 5);
        ValidationTable.Ratio one = new ValidationTable.Ratio(1, 0.01);
        return new ValidationTable.Row("xfs", "ZERO_FILLED", m, m, one, one, suiteVsFio);
    }

    @Test
    void compute_skipsAFilesystemWithoutNone_andAStrategyWithOneSideOnly() {
        Map<ValidationTable.Key, List<Double>> samples = new LinkedHashMap<>();
        samples.put(key("xfs", Strategy.ZERO_FILLED, "suite"), List.of(1.0, 2.0));
        samples.put(key("xfs", Strategy.ZERO_FILLED, "fio"), List.of(1.0, 2.0));
        samples.put(key("ext4", Strategy.NONE, "suite"), List.of(1.0, 2.0));
        samples.put(key("ext4", Strategy.NONE, "fio"), List.of(1.0, 2.0));
        samples.put(key("ext4", Strategy.SPARSE, "suite"), List.of(1.0, 2.0));
        assertEquals(List.of("ext4/NONE"), ValidationTable.compute(samples).stream()
                .map(r -> r.fsType() + "/" + r.strategy()).toList());
    }
}
