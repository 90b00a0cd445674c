package com.gametriggers.companion.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/** Turns driver exceptions into the store's own, so callers outside this package need no driver types. */
final class StoreFailures {

    /** MongoDB's error code for an action the user's roles do not grant. */
    private static final int UNAUTHORIZED = 13;

    private StoreFailures() {
    }

    static StoreException translate(MongoException e) {
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoWriteConcernException || e instanceof MongoInterruptedException
                || e.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || e.hasErrorLabel("RetryableWriteError")) {
            // The driver's text (cluster state, socket exceptions) stays in the cause, for the log and a bug report.
            return new StoreUnavailableException("MongoDB cannot be reached right now; the app keeps trying.", e);
        }
        if (e.getCode() == UNAUTHORIZED) {
            String refusal = e instanceof MongoCommandException command ? command.getErrorMessage() : e.getMessage();
            return new StoreException("MongoDB refused the change: the app's user lacks a privilege (" + refusal
                    + "); the platform's administrators give it the role printed by --print-mongodb-setup.", e);
        }
        return new StoreException("MongoDB refused the change: " + e.getMessage(), e);
    }

    /** Whether every write the bulk write refused was refused as a duplicate key, and nothing else failed. */
    static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteConcernError() == null && e.getWriteErrors().stream()
                .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
}
