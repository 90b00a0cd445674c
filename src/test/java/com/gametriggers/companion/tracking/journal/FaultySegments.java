package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the journal's segment channels so a test can make writes or fsyncs fail as a full or failing disk does: a
 * failing write first writes part of what it was given, as a write cut short by a full disk leaves a torn record; a
 * failing fsync fails after the bytes went to the file, so they may well be readable later.
 */
final class FaultySegments {

    private volatile boolean failWrites;
    private volatile boolean failForces;
    private final AtomicInteger opened = new AtomicInteger();

    void failWrites(boolean fail) {
        failWrites = fail;
    }

    void failForces(boolean fail) {
        failForces = fail;
    }

    FileChannel wrap(FileChannel channel) {
        opened.incrementAndGet();
        return new Faulty(channel);
    }

    /** Segments opened for writing so far: the first, plus one per roll and one per try to reopen. */
    int opened() {
        return opened.get();
    }

    private final class Faulty extends FileChannel {

        private final FileChannel delegate;

        Faulty(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failWrites) {
                ByteBuffer half = src.duplicate();
                half.limit(src.position() + src.remaining() / 2);
                delegate.write(half);
                throw new IOException("No space left on device");
            }
            return delegate.write(src);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failForces) {
                throw new IOException("Input/output error");
            }
            delegate.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("the journal writes one buffer at a time");
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the journal writes one buffer at a time");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new UnsupportedOperationException("the journal writes one buffer at a time");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
