package com.gametriggers.companion.youtube;

/** Where the YouTube client gets the access token for its next request, and a new one when Google refused it. */
public interface YouTubeTokens {

    /** @throws YouTubeException with {@link YouTubeException.Kind#SIGN_IN_EXPIRED} when no token can be had */
    String accessToken() throws YouTubeException;

    /**
     * A token to use instead of {@code rejectedAccessToken}, which Google has just answered 401 to.
     *
     * @throws YouTubeException with {@link YouTubeException.Kind#SIGN_IN_EXPIRED} when only a new sign-in helps
     */
    String renewAfter(String rejectedAccessToken) throws YouTubeException;
}
