package com.gametriggers.companion.ui.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.domain.Activity;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.DailyCounters;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.export.ExportSource;
import com.gametriggers.companion.ui.Background;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Export CSV from the Earnings section: the offered file name, the 30 days asked for, the file written and said. */
@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {

    private static final Instant NOW = Instant.parse("2026-12-01T21:00:00Z");

    @TempDir
    Path folder;

    private final List<String> offeredNames = new ArrayList<>();
    private Instant askedFrom;
    private Instant askedTo;

    private final ExportSource source = new ExportSource() {
        @Override
        public List<Participation> participations() {
            return List.of();
        }

        @Override
        public List<Campaign> campaigns(Collection<String> campaignIds) {
            return List.of();
        }

        @Override
        public List<DailyCounters> dailyCounters(Collection<String> participationIds, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<Activity> showings(Instant from, Instant to) {
            askedFrom = from;
            askedTo = to;
            return List.of(new Activity("ticket-1", "s1", "p1", "c1", Activity.Kind.SHOWING, NOW.minusSeconds(60), 80,
                    Activity.Outcome.COUNTED));
        }
    };

    @Start
    void start(Stage stage) {
        ExportMenu menu = new ExportMenu(source, Clock.fixed(NOW, ZoneOffset.UTC), new Background(failure -> { }),
                name -> {
                    offeredNames.add(name);
                    return Optional.of(folder.resolve(name));
                });
        stage.setScene(new Scene(menu, 700, 120));
        stage.show();
    }

    @Test
    void everyShowingOfTheLastThirtyDaysGoesToTheChosenFile(FxRobot robot) throws Exception {
        robot.clickOn("#export-csv");
        robot.clickOn("Every showing…");

        await().atMost(Duration.ofSeconds(10)).until(() -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#export-message").queryAs(Label.class).getText()).get().startsWith("Wrote"));
        String name = "gametriggers-showings-2026-11-02-to-2026-12-01.csv";
        assertThat(offeredNames).containsExactly(name);
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#export-message").queryAs(Label.class).getText()).get())
                .isEqualTo("Wrote 1 row to " + name + ".");
        assertThat(askedFrom).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(askedTo).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        List<String> lines = Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("2026-12-01T20:59:00Z,ticket-1,c1,,,p1,80,,true,counted,");
    }
}
