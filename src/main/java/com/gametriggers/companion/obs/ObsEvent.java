package com.gametriggers.companion.obs;

import com.google.gson.JsonObject;

/**
 * Something happened in OBS (op 5), such as {@code CurrentProgramSceneChanged}.
 *
 * @param type   obs-websocket's {@code eventType}
 * @param intent the {@code EventSubscription} bit it belongs to
 * @param data   the {@code eventData}; empty when OBS sent none
 */
public record ObsEvent(String type, int intent, JsonObject data) {
}
