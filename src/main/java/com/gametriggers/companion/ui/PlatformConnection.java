package com.gametriggers.companion.ui;

import java.util.Optional;

/**
 * The streamer's GameTriggers account, as Settings connects it: one pasted code names the platform's MongoDB, the
 * streamer's own user on it and who they are there. The {@code app} package provides it.
 */
public interface PlatformConnection {

    /** The account's display name while connected; from memory, so the FX thread may ask. */
    Optional<String> connectedAs();

    /**
     * Tests the code (reachable, the password taken, every privilege the app needs, the streamer's participations
     * readable), keeps it and moves the running services to it. Blocking: call it off the FX thread.
     *
     * @return what the streamer reads afterwards, such as "Connected as Alice: 3 campaigns."
     * @throws Refused with one sentence saying why the code cannot be used; nothing changed then
     */
    String connect(String code) throws Refused;

    /**
     * Forgets the connection and moves the services back to the store the app used before it (its own, or Settings'
     * MongoDB address). Blocking: call it off the FX thread.
     *
     * @return what the streamer reads afterwards
     */
    String disconnect() throws Refused;

    /** A connection the app would not make or leave, in one sentence for the streamer. */
    final class Refused extends Exception {

        public Refused(String sentence) {
            super(sentence);
        }

        public Refused(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}
