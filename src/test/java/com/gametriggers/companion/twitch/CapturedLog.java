package com.gametriggers.companion.twitch;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/** Everything this package logs, at every level, as text, for tests that check what a log line may not contain. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(StreamStatusPoller.class.getPackageName());
    private final Level levelBefore = logger.getLevel();
    private final boolean additiveBefore = logger.isAdditive();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        // Captured, not printed: the failures some tests cause on purpose would read like real ones in the build log.
        logger.setAdditive(false);
    }

    List<String> lines() {
        return appender.list.stream().map(CapturedLog::text).collect(Collectors.toList());
    }

    List<String> lines(Level level) {
        return appender.list.stream().filter(event -> event.getLevel() == level).map(CapturedLog::text)
                .collect(Collectors.toList());
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
        logger.setAdditive(additiveBefore);
    }
}
