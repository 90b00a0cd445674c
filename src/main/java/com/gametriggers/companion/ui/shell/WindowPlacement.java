package com.gametriggers.companion.ui.shell;

import java.util.List;

import com.gametriggers.companion.ui.WindowBounds;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/** Whether a remembered window place can still be used: a monitor may have been unplugged since. */
final class WindowPlacement {

    /** Enough of the title bar to grab it with the mouse. */
    static final double MIN_VISIBLE_WIDTH = 120;
    static final double MIN_VISIBLE_HEIGHT = 24;

    private WindowPlacement() {
    }

    static boolean visibleOnAScreen(WindowBounds bounds) {
        return visibleOn(bounds, Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
    }

    /** True when the window's top strip overlaps one screen by at least {@value #MIN_VISIBLE_WIDTH} px. */
    static boolean visibleOn(WindowBounds bounds, List<Rectangle2D> screens) {
        for (Rectangle2D screen : screens) {
            double width = Math.min(bounds.x() + bounds.width(), screen.getMaxX()) - Math.max(bounds.x(), screen.getMinX());
            double height = Math.min(bounds.y() + MIN_VISIBLE_HEIGHT, screen.getMaxY()) - Math.max(bounds.y(), screen.getMinY());
            if (width >= MIN_VISIBLE_WIDTH && height >= MIN_VISIBLE_HEIGHT) {
                return true;
            }
        }
        return false;
    }
}
