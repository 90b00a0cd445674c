package com.gametriggers.companion.youtube;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before the next chat read, and the sentence for the status bar when the wait is longer than
 * YouTube asked (slowed for the quota, or stopped until the quota resets); empty while chat is read at YouTube's pace.
 */
public record ChatPace(Duration delay, Optional<String> status) {
}
