package com.gametriggers.companion.tracking.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second journal off the same folder, in this process or another: its recovery would take the segment being
 * written for a torn tail and cut records off under the first journal's feet.
 */
final class DirectoryLock implements Closeable {

    static final String FILE_NAME = "journal.lock";

    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    static DirectoryLock acquire(Path dir) throws IOException {
        FileChannel channel =
                FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("The journal in " + dir + " is in use by another program");
            }
            return new DirectoryLock(channel);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("The journal in " + dir + " is already open in this program", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        // Closing the channel releases the lock.
        channel.close();
    }
}
