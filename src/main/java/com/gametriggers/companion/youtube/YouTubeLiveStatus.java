package com.gametriggers.companion.youtube;

import java.time.Instant;
import java.util.OptionalLong;

/** Whether the streamer is live on YouTube, and the viewer count when YouTube shows one (unknown is not zero). */
public record YouTubeLiveStatus(boolean live, OptionalLong viewers, Instant at) {
}
