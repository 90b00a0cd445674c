package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.overlay.Chromium;

/**
 * The acceptance test of a whole stream, unattended: the app as streamers run it (its own process, headless), a
 * compressed stream of more than 30 showings against Twitch, chat, OBS and MongoDB stand-ins, through a scene switch,
 * the Twitch token expiring and refreshed, the store stopping for a while, the disk filling up for a while, a
 * {@code kill -9}, and the app started again
 * as the desktop app with its window closed to the background. At the end every stored counter equals what the test computes
 * from what it sent: impressions (each showing on air once, times the viewers then, or 1 before any count), chat
 * clicks and filtered repeats, viewer statistics (sum, count, peak) and earnings to the micro.
 *
 * <p>Each phase is a method that starts and ends between two showings, so a phase can be added between any two;
 * {@link StreamDayTokenPhase} is the sign-in expiring and refreshed mid-stream.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StreamDayTest {

    /** Viewer counts Twitch reports during the day, in order; the test hands one over per showing it is asked to. */
    private static final long[] AUDIENCE = {120, 135, 150, 149, 180, 210, 205, 190, 260, 240, 231, 199, 320, 305, 280,
            275, 90, 95, 410, 400};

    /** The journal retries with a backoff of up to 30 s, and the page resends a beacon within 15 s. */
    private static final Duration DISK_CATCH_UP = Duration.ofSeconds(90);
    private static final int RAID_MESSAGES = 40;

    private int nextCount;
    private int nextViewer = 1000;

    @Test
    void aCompressedStreamDayCountsEveryShowingOnceThroughATokenRefreshAnOutageAFullDiskAKillAndTheBackground() throws Exception {
        Chromium.requireInstalled();
        long started = System.nanoTime();
        try (StreamDay day = StreamDay.prepare()) {
            try {
                streamStarts(day);
                showingsBeforeTheFirstViewerCount(day, 2);
                liveWithChangingViewersAndChat(day, 8);
                StreamDayTokenPhase.tokenExpiresAndIsRefreshed(day);
                sceneSwitchedAwayAndBack(day);
                storeStoppedForAWhile(day);
                diskFullForAWhile(day);
                killedAndStartedAgain(day);
                showingsBeforeTheFirstViewerCount(day, 2);
                liveWithChangingViewersAndChat(day, 7);
                theDayAddsUp(day);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\napp stderr:\n" + day.appStderr(), e);
            }
            System.out.printf("stream day: %d showings, %d on air, %d viewer samples, %d events, %.1f s%n",
                    day.showings(), day.expected.showingsOnAir(), day.expected.samples(), day.expected.events(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * The app starts; OBS loads the overlay, but says nothing about the source yet, which is not on air: the first
     * showing counts nothing. Then the scene with the overlay goes to the program output.
     */
    private void streamStarts(StreamDay day) throws Exception {
        day.startApp();
        day.openOverlayInObs();
        day.untilAGap();
        assertThat(day.showings()).as("showings before OBS said anything").isPositive();
        assertThat(day.expected.showingsOnAir()).isZero();
        day.obsSourceActive(true);
    }

    /** Twitch has not answered with a viewer count yet (its polls are held): each showing counts 1 impression. */
    private void showingsBeforeTheFirstViewerCount(StreamDay day, int showings) throws Exception {
        day.showings(showings, (d, showing) -> {
            assertThat(showing.onAir()).isTrue();
            d.chatCommand("!nova", viewer(), false);
        });
    }

    /**
     * The stream is live and its audience changes: each showing gets the next viewer count after its beacon, so that
     * count goes into its sponsor's statistics and the next showing's impressions. Chat uses the commands; a viewer
     * repeating one within the click window counts a filtered click, a message Twitch delivers twice counts once,
     * and talk counts nothing.
     */
    private void liveWithChangingViewersAndChat(StreamDay day, int showings) throws Exception {
        day.showings(showings, (d, showing) -> {
            if (showing.onAir()) {
                d.viewers(showing, audience()); // first: it needs the sponsor still on screen
            }
            String viewer = viewer();
            switch (d.showings() % 4) {
                case 0 -> d.chatCommand("!pixel", viewer, false);
                case 1 -> {
                    d.chatCommand("!quantum", viewer, false);
                    d.chatCommand("!quantum", viewer, true);
                }
                case 2 -> {
                    d.chatCommand("!nova", viewer, false);
                    d.chatResent("!nova", viewer);
                }
                default -> d.chatTalk(viewer);
            }
        });
    }

    /** OBS switches to a scene without the overlay for two showings, which count nothing, then back. */
    private void sceneSwitchedAwayAndBack(StreamDay day) throws Exception {
        day.untilAGap();
        day.obsSourceActive(false);
        day.showings(2, (d, showing) -> {
            assertThat(showing.onAir()).isFalse();
            d.chatCommand("!pixel", viewer(), false); // chat goes on whatever the scene
        });
        day.obsSourceActive(true);
        liveWithChangingViewersAndChat(day, 2);
    }

    /**
     * MongoDB stops for four showings: beacons, viewer samples and chat clicks are journaled and acknowledged as
     * usual, wait for the store, and reach it once it is back, with no restart and no count lost or doubled.
     */
    private void storeStoppedForAWhile(StreamDay day) throws Exception {
        day.awaitStoredAsExpected();
        long eventsBefore = day.eventsSent();
        day.stopStore();
        liveWithChangingViewersAndChat(day, 4);
        day.awaitEventsWaitingSince(eventsBefore);
        assertThat(day.health().get("online").getAsBoolean()).as("the app knows the store is away").isFalse();
        day.restartStore();
        day.awaitStoredAsExpected();
    }

    /**
     * The disk with the app's data folder fills up (an OBS recording does that) for two showings while chat is busy,
     * then has room again. Meanwhile {@code /health} says the journal fails; chat clicks and the showings' beacons are
     * held (the page resends what was not acknowledged) and all reach the store once the journal reopens by itself,
     * each once.
     */
    private void diskFullForAWhile(StreamDay day) throws Exception {
        day.awaitStoredAsExpected();
        day.untilAGap();
        day.fillDisk();
        // A raid's worth of chat: enough journal records to need disk space the full disk no longer has (a few
        // records still fit in the journal file's last, already allocated page).
        day.showings(2, (d, showing) -> {
            for (int message = 0; message < RAID_MESSAGES; message++) {
                d.chatCommand("!quantum", viewer(), false);
            }
        });
        await("/health says the journal cannot be written").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> health = day.healthAnswer();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("journal-failing");
        });
        day.freeDisk();
        day.awaitStoredAsExpected(DISK_CATCH_UP);
        assertThat(day.healthAnswer().statusCode()).isEqualTo(200);
    }

    /**
     * The app is killed with {@code kill -9} mid-showing, right after that showing's beacon, while the store is away,
     * so what it had acknowledged is only in its journal. OBS meanwhile shows another scene; the app starts again on
     * the same data folder and ports, the overlay page reconnects by itself, and the journal's events reach the store.
     * The click guard and the duplicate check remember what came before the crash. The app comes back as the desktop
     * app with its window closed (in the background), and runs the rest of the day that way.
     */
    private void killedAndStartedAgain(StreamDay day) throws Exception {
        day.awaitStoredAsExpected();
        long eventsBefore = day.eventsSent();
        day.stopStore();
        String loyalViewer = viewer();
        liveWithChangingViewersAndChat(day, 1);
        day.untilAGap();
        StreamDay.Showing showing = day.beginShowing();
        assertThat(showing.onAir()).isTrue();
        day.viewers(showing, audience());
        day.chatCommand("!pixel", loyalViewer, false);
        day.awaitEventsWaitingSince(eventsBefore);
        day.killApp();
        day.obsSourceActive(false);
        assertThat(day.nothingShownSince(showing)).as("killed before the next showing came").isTrue();
        int showingsBeforeKill = day.showings();
        day.restartStore();
        day.startAppInTheBackground();
        day.awaitPageConnected();
        day.chatCommand("!pixel", loyalViewer, true); // within the click window, across the crash
        day.chatResent("!pixel", loyalViewer);
        day.awaitStoredAsExpected();
        assertThat(day.showings()).as("showings while OBS showed another scene").isGreaterThan(showingsBeforeKill);
        day.obsSourceActive(true);
    }

    /**
     * The stream ends (OBS switches to its end scene). Every stored counter, and the earnings to the micro, equal what
     * the test computed, and the page sent a beacon for each showing on air and for no other.
     */
    private void theDayAddsUp(StreamDay day) {
        day.untilAGap();
        day.obsSourceActive(false); // the end scene: what shows from now on is not on air
        day.awaitStoredAsExpected();
        assertThat(day.showings()).isGreaterThanOrEqualTo(30);
        assertThat(day.beaconTicketsSent()).as("the page sent a beacon for exactly the showings on air")
                .containsExactlyInAnyOrderElementsOf(day.onAirTickets());
        BigDecimal earned = BigDecimal.ZERO;
        for (Participation sponsor : day.sponsors()) {
            Participation stored = day.stored(sponsor);
            BigDecimal expected = day.expected.of(sponsor.id()).earnings(day.campaignOf(sponsor));
            assertThat(stored.estimatedEarnings()).as("earnings of " + sponsor.chatCommand()).isEqualByComparingTo(expected);
            assertThat(stored.estimatedEarnings().setScale(6)).isEqualTo(expected);
            earned = earned.add(expected);
        }
        ExpectedCounts.Counts total = day.expected.total();
        assertThat(total.impressions()).as("viewers made the impressions, not one per showing")
                .isGreaterThan(day.expected.showingsOnAir());
        assertThat(total.viewerSampleCount()).isPositive();
        assertThat(total.filteredClicks()).isPositive();
        assertThat(earned).isPositive();
    }

    private long audience() {
        return AUDIENCE[nextCount++ % AUDIENCE.length];
    }

    private String viewer() {
        return Integer.toString(nextViewer++);
    }
}
