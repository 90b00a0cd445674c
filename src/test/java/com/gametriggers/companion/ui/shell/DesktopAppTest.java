package com.gametriggers.companion.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.gametriggers.companion.ui.AppSession;

/**
 * Quit from the tray of an app whose window was never opened (started with the computer): the services close, so
 * the journal is flushed, and the app ends, without JavaFX ever starting. (That JavaFX stays off until the window is
 * asked for is checked on a real process in BackgroundStartTest.)
 */
class DesktopAppTest {

    private final AtomicInteger closed = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);

    @Test
    void quitWithoutAWindowClosesTheServicesAndEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        DesktopApp app = app(() -> {
            started.countDown();
            return session();
        });
        app.start(true);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        app.quit();

        assertThat(ended.await(10, TimeUnit.SECONDS)).as("the app ended").isTrue();
        assertThat(closed).as("the services were closed before it ended").hasValue(1);
        assertThat(app.showWindow()).as("no window while quitting").contains("quitting");
    }

    @Test
    void quitWhileTheServicesStartWaitsForThemAndClosesThem() throws Exception {
        CountDownLatch mayFinishStarting = new CountDownLatch(1);
        DesktopApp app = app(() -> {
            mayFinishStarting.await();
            return session();
        });
        app.start(true);

        app.quit();
        assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("not before the services are up").isFalse();
        mayFinishStarting.countDown();

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closed).hasValue(1);
    }

    @Test
    void quitTwiceClosesOnce() throws Exception {
        DesktopApp app = app(this::session);
        app.start(true);
        app.quit();
        app.quit();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closed).hasValue(1);
    }

    private DesktopApp app(java.util.concurrent.Callable<AppSession> starter) {
        return new DesktopApp(starter, (services, afterQuit) -> {
            throw new AssertionError("no window was asked for");
        }, ended::countDown);
    }

    /** Services that only count their closing; the status watch's readings of them fail, and it carries on. */
    private AppSession session() {
        return (AppSession) Proxy.newProxyInstance(AppSession.class.getClassLoader(), new Class<?>[] {AppSession.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
