package com.gametriggers.companion.store;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 backend, whose data file holds whole commands only.
 *
 * <p>mongo-java-server inserts a document into its collection's map first and into the index maps ({@code _id} and
 * every unique index) after it, as separate writes. H2's own commits (a background thread about once a second, and
 * inline in a write once enough is unsaved) could store a version between the two, and a kill before the next commit
 * left a document its {@code _id} index did not know: an upsert then overwrote it and failed with "already existed",
 * an update by {@code _id} silently matched nothing. So the file is opened with H2's auto-commit off, every command
 * runs under the shared side of a lock, and a commit takes the exclusive side: every version in the file lies between
 * commands. A command that changed anything is committed before its answer goes out, so an acknowledged write
 * survives the app being killed (not a power cut: {@link #commitDurably} also forces it to the device).
 */
final class WholeCommandH2Backend extends H2Backend {

    /** Below this share of live data in the file or in its chunks, the file is compacted. */
    static final int MIN_FILL_RATE_PERCENT = 50;
    private static final int REWRITE_BYTES = 4 << 20;
    private static final int MOVE_BYTES = 16 << 20;

    private static final Logger log = LoggerFactory.getLogger(WholeCommandH2Backend.class);

    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock();

    WholeCommandH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return whole(() -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return whole(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whole(() -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String databaseName) {
        whole(() -> {
            super.dropDatabase(databaseName);
            return null;
        });
    }

    /**
     * Runs a command beside others, then commits what it changed; a message runs its command nested in it.
     *
     * <p>Whether anything is left to commit is asked while the command still holds the shared side of the lock, when no
     * commit can be under way: a commit serializes the changed pages before it writes them, and from then on H2 reports
     * no unsaved changes though nothing reached the file yet. Asked after, a command whose change such a commit had
     * taken up answered at once, and a kill before the commit's write lost a write already acknowledged.
     */
    private <T> T whole(Supplier<T> command) {
        T result;
        boolean changed;
        commits.readLock().lock();
        try {
            result = command.get();
            changed = commits.getReadHoldCount() == 1 && getMvStore().hasUnsavedChanges();
        } finally {
            commits.readLock().unlock();
        }
        if (changed) {
            exclusively(getMvStore()::commit);
        }
        return result;
    }

    /** Commits every command answered so far and forces the file to the device. */
    void commitDurably() {
        exclusively(() -> {
            getMvStore().commit();
            getMvStore().sync();
        });
    }

    /**
     * Without H2's background writer nothing else frees the space of chunks that hold little live data any more, or
     * gives it back to the disk. Once too little of the file is live: what is committed is forced to the device, so no
     * older version is needed any more to recover from a power cut, and the chunks no longer in use are freed at once
     * rather than after H2's retention time (45 s: at a high write rate that alone is many times the live data); a few
     * MiB of the live pages in the sparsest chunks are written again, so those chunks die too; and chunks are moved
     * into the holes so that the file can shrink. A few MiB at a time, since the commands wait meanwhile.
     */
    void compactWhenSparse() {
        MVStore mvStore = getMvStore();
        FileStore<?> file = mvStore.getFileStore();
        if (file.getFillRate() >= MIN_FILL_RATE_PERCENT && file.getChunksFillRate() >= MIN_FILL_RATE_PERCENT) {
            return;
        }
        exclusively(() -> {
            long sizeBefore = file.size();
            long started = System.nanoTime();
            int retention = mvStore.getRetentionTime();
            mvStore.commit();
            mvStore.sync();
            mvStore.setRetentionTime(0);
            try {
                mvStore.compact(MIN_FILL_RATE_PERCENT, REWRITE_BYTES);
                mvStore.commit();
                if (file instanceof RandomAccessStore chunks) {
                    chunks.compactMoveChunks(MIN_FILL_RATE_PERCENT, MOVE_BYTES, mvStore);
                }
            } finally {
                mvStore.setRetentionTime(retention);
            }
            log.debug("Compacted the embedded store's data file from {} to {} KiB in {} ms", sizeBefore / 1024,
                    file.size() / 1024, (System.nanoTime() - started) / 1_000_000);
        });
    }

    private void exclusively(Runnable storeOperation) {
        commits.writeLock().lock();
        try {
            storeOperation.run();
        } finally {
            commits.writeLock().unlock();
        }
    }
}
