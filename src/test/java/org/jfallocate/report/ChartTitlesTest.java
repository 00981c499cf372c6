package org.jfallocate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Panel titles read as words, not as the histogram file's parameter code. */
class ChartTitlesTest {

    @Test
    void histogramParameters_readAsWords() {
        assertEquals("fdatasync every record", ChartWriter.readable("sync1"));
        assertEquals("durable appends, fdatasync every 16", ChartWriter.readable("DurableAppend.append sync16"));
        assertEquals("buffered appends, no fsync", ChartWriter.readable("BufferedAppend.append nosync"));
        assertEquals("fdatasync every 16, path=O_DSYNC, writers=4", ChartWriter.readable("sync16_path=O_DSYNC_writers=4"));
    }
}
