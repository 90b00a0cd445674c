package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.ui.WindowBounds;

import javafx.geometry.Rectangle2D;

class WindowPlacementTest {

    private static final List<Rectangle2D> TWO_SCREENS = List.of(new Rectangle2D(0, 0, 1920, 1040),
            new Rectangle2D(-1280, 0, 1280, 1024));

    @Test
    void aWindowWhoseTitleBarIsOnAScreenKeepsItsPlace() {
        assertThat(WindowPlacement.visibleOn(new WindowBounds(100, 100, 1280, 720), TWO_SCREENS)).isTrue();
        assertThat(WindowPlacement.visibleOn(new WindowBounds(-1200, 40, 1024, 768), TWO_SCREENS)).isTrue();
        assertThat(WindowPlacement.visibleOn(new WindowBounds(1800, 500, 1280, 720), TWO_SCREENS)).isTrue();
    }

    @Test
    void aWindowOnAnUnpluggedScreenOrOutOfReachDoesNot() {
        assertThat(WindowPlacement.visibleOn(new WindowBounds(-1200, 40, 1024, 768), TWO_SCREENS.subList(0, 1))).isFalse();
        assertThat(WindowPlacement.visibleOn(new WindowBounds(1850, 100, 1280, 720), TWO_SCREENS)).isFalse();
        assertThat(WindowPlacement.visibleOn(new WindowBounds(100, 1030, 1280, 720), TWO_SCREENS)).isFalse();
    }
}
