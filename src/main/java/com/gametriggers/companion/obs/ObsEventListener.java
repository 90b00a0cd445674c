package com.gametriggers.companion.obs;

/**
 * Hears OBS's events. It is called on the connection's reading thread, one event after the other: it must return
 * quickly and must not wait for a request's answer, which that same thread delivers.
 */
@FunctionalInterface
public interface ObsEventListener {

    void onEvent(ObsEvent event);
}
