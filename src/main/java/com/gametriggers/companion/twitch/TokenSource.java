package com.gametriggers.companion.twitch;

/** Where a Twitch client gets the user token for its next request, and a new one when Twitch turned that down. */
@FunctionalInterface
public interface TokenSource {

    TwitchToken current();

    /**
     * A token to use instead of {@code rejectedAccessToken}, which Twitch has just answered 401 to. Without a way to
     * renew, the sign-in has expired.
     *
     * @throws SignInExpiredException when only the streamer signing in again helps
     * @throws TwitchException        when Twitch could not renew it now; a later call may
     */
    default TwitchToken renewAfter(String rejectedAccessToken) throws TwitchException {
        throw new SignInExpiredException();
    }
}
