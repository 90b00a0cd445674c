package com.gametriggers.companion.overlay;

import java.io.IOException;
import java.time.Clock;

import com.gametriggers.companion.web.Responses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /creative-problem}: the page could not show a showing's creative (the image or video failed to load or
 * to decode in OBS's browser). Noted for the streamer; the showing itself counts as it would have.
 */
final class CreativeReportHandler implements HttpHandler {

    private final ShowingPosts posts;
    private final CreativeProblems problems;
    private final Clock clock;

    CreativeReportHandler(ShowingPosts posts, CreativeProblems problems, Clock clock) {
        this.posts = posts;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        var post = posts.read(exchange, "/creative-problem");
        if (post.isEmpty()) {
            return;
        }
        var failure = CreativeFailure.read(post.get().body());
        if (failure.isEmpty()) {
            Responses.error(exchange, 400);
            return;
        }
        problems.report(post.get().entry(), failure.get(), clock.instant());
        Responses.send(exchange, 204, Responses.TEXT, new byte[0]);
    }
}
