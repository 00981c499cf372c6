package org.jfallocate.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What a {@link Strategy} does while one file is being appended to: before every write, and
 * once when the file is complete. The append workloads time both, because a program pays
 * for them on its writing thread.
 */
interface AppendHooks {
    /** Does nothing: the strategies that act only before the appends. */
    AppendHooks NONE = new AppendHooks() {
        @Override
        public void beforeWrite(FileChannel channel, long position, int length) {
        }

        @Override
        public void close(FileChannel channel, long writtenBytes) {
        }
    };

    /** Called before {@code length} bytes are written at {@code position}. */
    void beforeWrite(FileChannel channel, long position, int length) throws IOException;

    /** Called once, after the last write, when the file holds {@code writtenBytes}. */
    void close(FileChannel channel, long writtenBytes) throws IOException;
}
