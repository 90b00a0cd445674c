package com.gametriggers.companion.app;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.store.MongoStore;
import com.gametriggers.companion.store.StoreException;
import com.gametriggers.companion.ui.AppSession;

/**
 * Everything the app runs, wired with plain constructors in start order and closed in reverse. Both the window and
 * the headless mode run exactly this.
 */
final class CompanionServices implements AppSession {

    private static final Logger log = LoggerFactory.getLogger(CompanionServices.class);

    private final LocalProfile profile;
    private final MongoStore store;

    private CompanionServices(LocalProfile profile, MongoStore store) {
        this.profile = profile;
        this.store = store;
    }

    /** Starts every service; a {@link StoreException} says in one sentence what stopped it. */
    static CompanionServices start(AppOptions options) {
        LocalProfile profile = loadProfile(options);
        MongoStore store = MongoStore.open(options.storeSettings());
        try {
            if (options.demo()) {
                DemoCampaigns.install(store, profile.streamerId());
            }
            return new CompanionServices(profile, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static LocalProfile loadProfile(AppOptions options) {
        try {
            return LocalProfile.loadOrCreate(options.dataDir());
        } catch (IOException e) {
            throw new StoreException("The streamer profile in " + options.dataDir() + " cannot be read or created: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public MongoStore store() {
        return store;
    }

    @Override
    public String streamerId() {
        return profile.streamerId();
    }

    @Override
    public void installDemo() {
        DemoCampaigns.install(store, profile.streamerId());
    }

    @Override
    public void close() {
        store.close();
        log.info("Stopped");
    }
}
