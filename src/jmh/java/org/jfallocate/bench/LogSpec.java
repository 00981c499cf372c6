package org.jfallocate.bench;

/**
 * What every file of one append workload shares: how its space is prepared, its size, the
 * record size, how the appends are made durable, and the step of {@link Strategy#CHUNKED_KEEP_SIZE}.
 *
 * @param strategy   how each file's space is prepared
 * @param fileBytes  bytes reserved for each file (and written into it by a full pass)
 * @param recordBytes bytes per append
 * @param writePath  how the appends are made durable; null for buffered appends that are never synced
 * @param chunkBytes the reservation step of {@link Strategy#CHUNKED_KEEP_SIZE}
 */
record LogSpec(Strategy strategy, long fileBytes, int recordBytes, WritePath writePath, long chunkBytes) {
    LogSpec {
        if (recordBytes <= 0 || fileBytes % recordBytes != 0) {
            throw new IllegalArgumentException("recordBytes must be positive and divide the file size " + fileBytes
                    + ", was " + recordBytes);
        }
    }

    /** Records that fill one file. */
    long recordsPerFile() {
        return fileBytes / recordBytes;
    }
}
