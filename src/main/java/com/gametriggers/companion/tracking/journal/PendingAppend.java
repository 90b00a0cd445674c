package com.gametriggers.companion.tracking.journal;

import java.util.concurrent.CompletableFuture;

/** An accepted append waiting for the writer, and the future to complete once it is on disk. */
record PendingAppend(byte[] payload, CompletableFuture<Long> future) {

    int encodedSize() {
        return RecordCodec.encodedSize(payload.length);
    }
}
