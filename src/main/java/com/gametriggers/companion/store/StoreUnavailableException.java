package com.gametriggers.companion.store;

/** The store could not be reached, or did not answer in time: worth retrying later, unlike a refused write. */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
