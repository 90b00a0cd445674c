package com.gametriggers.companion.twitch;

/** What Helix says about a channel that matters for disclosing sponsors: its title and Twitch's branded-content label. */
public record ChannelInfo(String title, boolean brandedContent) {
}
