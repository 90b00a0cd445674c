package com.gametriggers.companion.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat in memory: keeps what the sponsor chat posted, and can be offline so that posts wait. */
final class FakeChatChannel implements ChatChannel {

    private final ChatPlatform platform;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private volatile boolean online = true;

    FakeChatChannel(ChatPlatform platform) {
        this.platform = platform;
    }

    @Override
    public ChatPlatform platform() {
        return platform;
    }

    @Override
    public boolean send(String text) {
        if (!online) {
            return false;
        }
        posted.add(text);
        return true;
    }

    List<String> posted() {
        return List.copyOf(posted);
    }

    void online(boolean isOnline) {
        online = isOnline;
    }
}
