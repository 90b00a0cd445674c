package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class WindowRefresherTest {

    private final WindowRefresher refresher = new WindowRefresher();

    @Test
    void aWatchedWindowRefreshesEveryTickAnUnwatchedOneEveryFifth() {
        assertThat(ticks(3)).containsExactly(true, true, true);

        refresher.focused(false);
        assertThat(ticks(10)).containsExactly(false, false, false, false, true, false, false, false, false, true);
    }

    @Test
    void aMinimizedWindowOrOneClosedToTheBackgroundNeverRefreshes() {
        refresher.minimized(true);
        assertThat(ticks(12)).containsOnly(false);

        refresher.minimized(false);
        refresher.inBackground(true);
        assertThat(ticks(12)).containsOnly(false);

        refresher.inBackground(false);
        assertThat(ticks(1)).containsExactly(true);
    }

    private Boolean[] ticks(int count) {
        return IntStream.range(0, count).mapToObj(tick -> refresher.due()).toArray(Boolean[]::new);
    }
}
