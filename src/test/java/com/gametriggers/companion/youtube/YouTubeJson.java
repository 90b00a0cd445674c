package com.gametriggers.companion.youtube;

import java.time.Instant;

/** Google's answers as the tests need them, in the shape of the YouTube Data API v3. */
public final class YouTubeJson {

    private YouTubeJson() {
    }

    public static String broadcast(String id, String lifeCycleStatus, String liveChatId) {
        return "{\"kind\":\"youtube#liveBroadcast\",\"id\":\"" + id + "\",\"snippet\":{\"title\":\"Stream\","
                + "\"liveChatId\":\"" + liveChatId + "\"},\"status\":{\"lifeCycleStatus\":\"" + lifeCycleStatus
                + "\",\"privacyStatus\":\"public\"}}";
    }

    public static String broadcasts(String... items) {
        return "{\"kind\":\"youtube#liveBroadcastListResponse\",\"pageInfo\":{\"totalResults\":" + items.length
                + "},\"items\":[" + String.join(",", items) + "]}";
    }

    public static String text(String id, String channelId, String name, String text, Instant publishedAt) {
        return "{\"kind\":\"youtube#liveChatMessage\",\"id\":\"" + id + "\",\"snippet\":{\"type\":\"textMessageEvent\","
                + "\"liveChatId\":\"chat-1\",\"authorChannelId\":\"" + channelId + "\",\"publishedAt\":\""
                + publishedAt + "\",\"hasDisplayContent\":true,\"displayMessage\":\"" + text + "\","
                + "\"textMessageDetails\":{\"messageText\":\"" + text + "\"}},\"authorDetails\":{\"channelId\":\""
                + channelId + "\",\"displayName\":\"" + name + "\",\"isChatOwner\":false}}";
    }

    public static String superChat(String id, Instant publishedAt) {
        return "{\"id\":\"" + id + "\",\"snippet\":{\"type\":\"superChatEvent\",\"publishedAt\":\"" + publishedAt
                + "\",\"displayMessage\":\"$5.00 from Fan\"},\"authorDetails\":{\"channelId\":\"UCfan\"}}";
    }

    public static String page(String nextPageToken, long pollingIntervalMillis, String... items) {
        return "{\"kind\":\"youtube#liveChatMessageListResponse\",\"nextPageToken\":\"" + nextPageToken
                + "\",\"pollingIntervalMillis\":" + pollingIntervalMillis + ",\"pageInfo\":{\"totalResults\":"
                + items.length + ",\"resultsPerPage\":" + items.length + "},\"items\":[" + String.join(",", items)
                + "]}";
    }

    public static String offlinePage(Instant offlineAt) {
        return "{\"nextPageToken\":\"end\",\"pollingIntervalMillis\":5000,\"offlineAt\":\"" + offlineAt
                + "\",\"items\":[]}";
    }

    /** videos.list with live details; {@code viewers} null when YouTube hides the count, {@code chatId} null when over. */
    public static String video(String id, String viewers, String chatId) {
        StringBuilder details = new StringBuilder("\"actualStartTime\":\"2030-05-01T11:30:00Z\"");
        if (viewers != null) {
            details.append(",\"concurrentViewers\":\"").append(viewers).append('"');
        }
        if (chatId != null) {
            details.append(",\"activeLiveChatId\":\"").append(chatId).append('"');
        }
        return "{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"id\":\"" + id
                + "\",\"liveStreamingDetails\":{" + details + "}}]}";
    }
}
