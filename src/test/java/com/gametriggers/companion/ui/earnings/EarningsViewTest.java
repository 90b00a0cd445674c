package com.gametriggers.companion.ui.earnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.gametriggers.companion.app.StoreReads;
import com.gametriggers.companion.domain.Campaign;
import com.gametriggers.companion.domain.Participation;
import com.gametriggers.companion.domain.PaymentType;
import com.gametriggers.companion.store.StoreUnavailableException;
import com.gametriggers.companion.store.TestIds;
import com.gametriggers.companion.ui.Background;
import com.gametriggers.companion.ui.TestLocale;
import com.gametriggers.companion.ui.earnings.EarningsSummary.CampaignRow;
import com.gametriggers.companion.ui.earnings.EarningsViewModel.Series;

import atlantafx.base.theme.PrimerDark;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/** The earnings view over a real embedded store, filled through the real tracker, driven headless by TestFX. */
@ExtendWith(ApplicationExtension.class)
class EarningsViewTest {

    private static final Duration SHOWN = Duration.ofSeconds(10);
    private static final Currency EUR = Currency.getInstance("EUR");

    private final EarningsFixture fixture;
    private final Participation nova;
    private final Participation pixel;
    private final Background background = new Background(failure -> { });
    private EarningsView view;

    EarningsViewTest(@TempDir Path dataDir) throws Exception {
        fixture = new EarningsFixture(dataDir);
        nova = fixture.join("Nova Energy", "Nova Energy launch", PaymentType.CPM, "4.50");
        pixel = fixture.join("Pixel Peak", "Pixel Peak headset week", PaymentType.CPC, "0.35");
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        view = new EarningsView(fixture::load, background);
        stage.setScene(new Scene(view, 1110, 680));
        stage.show();
    }

    @AfterEach
    void closeStore() throws Exception {
        afterQueuedWork();
        fixture.close();
    }

    @Test
    void beforeAnySponsorWasOnStreamItSaysWhereEarningsWillAppear(FxRobot robot) {
        await().atMost(SHOWN).until(() -> robot.lookup("#earnings-empty").tryQuery().isPresent());

        assertThat(robot.lookup("#earnings-empty").queryAs(Label.class).getText())
                .isEqualTo("Earnings appear here once a sponsor has been on stream.");
        assertThat(robot.lookup("#earnings-content").tryQuery()).isEmpty();
        assertThat(robot.lookup("#earnings-loading").tryQuery()).isEmpty();
    }

    @Test
    void theTotalsChartAndTableShowWhatTheTrackerRecordedAndMoveOnRefresh(FxRobot robot) throws Exception {
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        recorded.add(fixture.showing(nova, 0, 1000));   // 4.50
        recorded.add(fixture.click(pixel, 0));          // 0.35
        recorded.add(fixture.click(pixel, 0));          // 0.35
        recorded.add(fixture.showing(nova, 3, 500));    // 2.25
        recorded.add(fixture.click(pixel, 5));          // 0.35
        recorded.add(fixture.showing(nova, 10, 200));   // 0.90, not in the last 7 days
        recorded.add(fixture.showing(nova, 40, 1000));  // 4.50, all time only
        fixture.awaitStored(recorded, "13.20", "8.70");

        onFx(view::refresh);

        await().atMost(SHOWN).until(() -> text(robot, "#earnings-today-total").equals("$5.20"));
        assertThat(text(robot, "#earnings-today-split")).isEqualTo("CPM $4.50 · CPC $0.70");
        assertThat(text(robot, "#earnings-today-counts")).isEqualTo("1,000 impressions · 2 clicks");
        assertThat(text(robot, "#earnings-week-total")).isEqualTo("$7.80");
        assertThat(text(robot, "#earnings-week-split")).isEqualTo("CPM $6.75 · CPC $1.05");
        assertThat(text(robot, "#earnings-week-counts")).isEqualTo("1,500 impressions · 3 clicks");
        assertThat(text(robot, "#earnings-month-total")).isEqualTo("$8.70");
        assertThat(text(robot, "#earnings-month-split")).isEqualTo("CPM $7.65 · CPC $1.05");
        assertThat(text(robot, "#earnings-all-time-total")).isEqualTo("$13.20");
        assertThat(text(robot, "#earnings-all-time-split")).isEqualTo("CPM $12.15 · CPC $1.05");
        assertThat(text(robot, "#earnings-all-time-counts")).isEqualTo("2,700 impressions · 3 clicks");
        assertThat(robot.lookup("#earnings-empty").tryQuery()).isEmpty();

        List<Double> cpm = onFx(() -> doubles(view.chartValues(Series.CPM)));
        assertThat(cpm).hasSize(30);
        assertThat(cpm.get(29)).isEqualTo(4.5);
        assertThat(cpm.get(26)).isEqualTo(2.25);
        assertThat(cpm.get(19)).isEqualTo(0.9);
        assertThat(onFx(() -> doubles(view.chartValues(Series.CPC))).get(29)).isEqualTo(0.7);
        assertThat(onFx(() -> view.chartValues(Series.OTHER))).as("no earnings of unknown campaigns").isEmpty();

        TableView<CampaignRow> table = robot.lookup("#earnings-table").queryTableView();
        assertThat(onFx(() -> table.getItems().stream().map(CampaignRow::brandName).toList()))
                .containsExactly("Nova Energy", "Pixel Peak");
        assertThat(cellTexts(robot, table)).contains("Nova Energy", "Nova Energy launch", "CPM", "2,700", "0.0%",
                "$12.15", "Pixel Peak", "CPC", "3", "–", "$1.05");

        StackedBarChart<?, ?> chart = robot.lookup("#earnings-chart").queryAs(StackedBarChart.class);
        XYChart.Data<?, ?> todaysCpmBar = onFx(() -> chart.getData().get(0).getData().get(29));

        List<CompletableFuture<?>> more = EarningsFixture.events();
        more.add(fixture.showing(nova, 0, 2000));       // 9.00
        more.add(fixture.click(pixel, 0));              // 0.35
        fixture.awaitStored(more, "22.55", "18.05");

        boolean progressShown = onFx(() -> {
            view.refresh();
            return robot.lookup("#earnings-loading").tryQuery().isPresent();
        });

        assertThat(progressShown).as("the progress indicator is for the first read only").isFalse();
        await().atMost(SHOWN).until(() -> text(robot, "#earnings-today-total").equals("$14.55"));
        assertThat(text(robot, "#earnings-today-split")).isEqualTo("CPM $13.50 · CPC $1.05");
        assertThat(text(robot, "#earnings-today-counts")).isEqualTo("3,000 impressions · 3 clicks");
        assertThat(text(robot, "#earnings-all-time-total")).isEqualTo("$22.55");
        assertThat(robot.lookup("#earnings-chart").queryAs(StackedBarChart.class)).as("the same chart").isSameAs(chart);
        assertThat(onFx(() -> chart.getData().get(0).getData().get(29))).as("the same bar, moved").isSameAs(todaysCpmBar);
        assertThat(onFx(() -> ((Number) todaysCpmBar.getYValue()).doubleValue())).isEqualTo(13.5);
        assertThat(cellTexts(robot, table)).contains("$21.15", "$1.40", "4");
    }

    @Test
    void aNewUtcDayMovesTheChartsWindowOnByOneDay(FxRobot robot) throws Exception {
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        recorded.add(fixture.showing(nova, 0, 1000));   // 4.50
        recorded.add(fixture.showing(nova, 29, 200));   // 0.90, the window's first day
        fixture.awaitStored(recorded, "5.40", "5.40");
        AtomicReference<Instant> now = new AtomicReference<>(fixture.now);
        EarningsView daily = onFx(() -> new EarningsView(
                () -> EarningsLoader.load(new StoreReads(fixture.store, fixture.streamerId), Clock.fixed(now.get(), ZoneOffset.UTC)), background));
        onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(daily, 1110, 640));
            window.show();
            return window;
        });
        await().atMost(SHOWN).until(() -> onFx(() -> daily.chartValues(Series.CPM)).size() == 30);
        assertThat(onFx(() -> doubles(daily.chartValues(Series.CPM)))).startsWith(0.9).endsWith(4.5);

        now.set(fixture.now.plus(Duration.ofDays(1)));
        onFx(daily::refresh);

        await().atMost(SHOWN).until(() -> onFx(() -> doubles(daily.chartValues(Series.CPM))).get(28) == 4.5);
        List<Double> cpm = onFx(() -> doubles(daily.chartValues(Series.CPM)));
        assertThat(cpm).hasSize(30).startsWith(0.0).endsWith(4.5, 0.0);
        assertThat(onFx(() -> robot.from(daily).lookup("#earnings-today-total").queryAs(Label.class).getText())).isEqualTo("$0.00");
        assertThat(onFx(() -> robot.from(daily).lookup("#earnings-month-total").queryAs(Label.class).getText())).isEqualTo("$4.50");
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> chart = robot.from(daily).lookup("#earnings-chart").queryAs(StackedBarChart.class);
        String tomorrow = EarningsViewModel.category(EarningsLoader.today(Clock.fixed(now.get(), ZoneOffset.UTC)),
                EarningsLoader.today(Clock.fixed(now.get(), ZoneOffset.UTC)));
        assertThat(onFx(() -> ((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories().get(29))).isEqualTo(tomorrow);
    }

    @Test
    void aGermanStreamerReadsGermanNumbersAndEachCurrencyApart(FxRobot robot) throws Exception {
        try (TestLocale ignored = TestLocale.use(Locale.GERMANY)) {
            showTwoCurrencies(robot);

            assertThat(text(robot, "#earnings-today-total")).isEqualTo("6,75\u00a0$");
            assertThat(text(robot, "#earnings-today-counts")).isEqualTo("1.500 impressions · 0 clicks");
            assertThat(onFx(() -> robot.lookup("#earnings-currency").queryAs(ChoiceBox.class).isVisible())).isTrue();

            chooseCurrency(robot, EUR);

            await().atMost(SHOWN).until(() -> text(robot, "#earnings-today-total").equals("0,60\u00a0€"));
            assertThat(text(robot, "#earnings-today-split")).isEqualTo("CPM 0,00\u00a0€ · CPC 0,60\u00a0€");
            assertThat(text(robot, "#earnings-today-counts")).isEqualTo("0 impressions · 2 clicks");
            assertThat(cellTexts(robot, robot.lookup("#earnings-table").queryTableView()))
                    .contains("Tasten", "0,60\u00a0€").doesNotContain("Nova Energy");
        }
    }

    @Test
    void aUsStreamerReadsUsNumbersAndEachCurrencyApart(FxRobot robot) throws Exception {
        try (TestLocale ignored = TestLocale.use(Locale.US)) {
            showTwoCurrencies(robot);

            assertThat(text(robot, "#earnings-today-total")).isEqualTo("$6.75");
            assertThat(text(robot, "#earnings-today-counts")).isEqualTo("1,500 impressions · 0 clicks");

            chooseCurrency(robot, EUR);

            await().atMost(SHOWN).until(() -> text(robot, "#earnings-today-total").equals("€0.60"));
            assertThat(text(robot, "#earnings-all-time-split")).isEqualTo("CPM €0.00 · CPC €0.60");
        }
    }

    /** A US sponsor earned $6.75 today and a German one €0.60: most earned first, in dollars. */
    private void showTwoCurrencies(FxRobot robot) throws Exception {
        Participation tasten = fixture.join("Tasten", "Keyboard week", PaymentType.CPC, "0.30", EUR);
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        recorded.add(fixture.showing(nova, 0, 1500));
        recorded.add(fixture.click(tasten, 0));
        recorded.add(fixture.click(tasten, 0));
        fixture.awaitStored(recorded, "6.75", "6.75");
        await().atMost(SHOWN).until(() -> fixture.load().in(EUR).today().total().compareTo(new BigDecimal("0.60")) == 0);

        onFx(view::refresh);

        await().atMost(SHOWN).until(() -> !text(robot, "#earnings-today-total").equals("–"));
        assertThat(onFx(() -> robot.lookup("#earnings-currency").queryAs(ChoiceBox.class).getItems()))
                .containsExactly(Campaign.DEFAULT_CURRENCY, EUR);
    }

    private static void chooseCurrency(FxRobot robot, Currency currency) throws Exception {
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Currency> choice = robot.lookup("#earnings-currency").queryAs(ChoiceBox.class);
            choice.setValue(currency);
        });
    }

    @Test
    void aViewThatIsNotShownReadsNothing(FxRobot robot) throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Callable<EarningsSummary> counting = () -> {
            reads.incrementAndGet();
            return fixture.load();
        };
        EarningsView hidden = onFx(() -> new EarningsView(counting, background));

        onFx(hidden::refresh);
        onFx(hidden::refresh);
        afterQueuedWork();
        assertThat(reads).hasValue(0);

        Stage stage = onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(hidden, 800, 600));
            window.show();
            return window;
        });
        await().atMost(SHOWN).until(() -> reads.get() == 1);
        await().atMost(SHOWN).until(() -> robot.from(hidden).lookup("#earnings-empty").tryQuery().isPresent());

        onFx(stage::hide);
        onFx(hidden::refresh);
        afterQueuedWork();
        assertThat(reads).as("no reads once hidden").hasValue(1);
    }

    @Test
    void aFailedReadIsOneSentenceAndTheNextRefreshRecovers(FxRobot robot) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Callable<EarningsSummary> flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new StoreUnavailableException("MongoDB at db.example.com:27017 does not answer.", null);
            }
            return EarningsLoader.load(new StoreReads(fixture.store, TestIds.newId()), fixture.clock);
        };
        EarningsView failing = onFx(() -> new EarningsView(flaky, background));
        onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(failing, 800, 600));
            window.show();
            return window;
        });

        await().atMost(SHOWN).until(() -> onFx(() -> robot.from(failing).lookup("#earnings-problem")
                .queryAs(Label.class).isVisible()));
        assertThat(onFx(() -> robot.from(failing).lookup("#earnings-problem").queryAs(Label.class).getText()))
                .isEqualTo("The earnings could not be read: MongoDB at db.example.com:27017 does not answer.");
        assertThat(robot.from(failing).lookup("#earnings-loading").tryQuery()).isEmpty();

        onFx(failing::refresh);

        await().atMost(SHOWN).until(() -> robot.from(failing).lookup("#earnings-empty").tryQuery().isPresent());
        assertThat(onFx(() -> robot.from(failing).lookup("#earnings-problem").queryAs(Label.class).isVisible())).isFalse();
    }

    /**
     * Writes the screenshot in the docs: 30 days of three sponsors (two CPM, one CPC), as the demo campaigns would
     * earn them with some 60 to 120 viewers and a few streams off. It goes to target/screenshots (docs/screenshots.sh
     * copies it into the docs) and must show the chart's colours.
     */
    @Test
    void aMonthOfThreeSponsorsRendersAsAScreenshot() throws Exception {
        Participation quantum = fixture.join("Quantum Cola", "Quantum Cola summer", PaymentType.CPM, "6.00");
        Random random = new Random(7);
        List<CompletableFuture<?>> recorded = EarningsFixture.events();
        for (int daysAgo = 29; daysAgo >= 0; daysAgo--) {
            if (daysAgo % 7 == 3 || daysAgo % 7 == 5) {
                continue; // days off
            }
            int showings = 8 + random.nextInt(8);
            for (int i = 0; i < showings; i++) {
                recorded.add(fixture.showing(nova, daysAgo, 60 + random.nextInt(60)));
                recorded.add(fixture.showing(quantum, daysAgo, 60 + random.nextInt(60)));
            }
            int clicks = 2 + random.nextInt(9);
            for (int i = 0; i < clicks; i++) {
                recorded.add(fixture.click(pixel, daysAgo));
            }
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.tracker.status().eventsWaiting() == 0);

        Path target = Path.of("target", "screenshots", "earnings.png");
        EarningsView shot = onFx(() -> new EarningsView(fixture::load, background));
        Scene scene = onFx(() -> {
            Stage window = new Stage();
            window.setScene(new Scene(shot, 1280, 720));
            window.show();
            return window.getScene();
        });
        await().atMost(SHOWN).until(() -> onFx(() -> shot.lookup("#earnings-content") != null
                && shot.lookup("#earnings-content").getScene() != null));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(target.toAbsolutePath().getParent());
        ImageIO.write(png, "png", target.toFile());

        assertThat(width).isEqualTo(1280);
        assertThat(height).isEqualTo(720);
        long chartColoured = java.util.Arrays.stream(argb).filter(pixel -> isOrange(pixel)).count();
        assertThat(chartColoured).as("pixels of the CPM and CPC bars").isGreaterThan(10_000);
    }

    /** The CPM and CPC bars are orange and amber: much red, some green, little blue. */
    private static boolean isOrange(int argb) {
        int red = argb >> 16 & 0xff;
        int green = argb >> 8 & 0xff;
        int blue = argb & 0xff;
        return red > 200 && green > 80 && blue < 80;
    }

    /** Everything handed to the background worker before now has run, and its results reached the FX thread. */
    private void afterQueuedWork() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        background.run(() -> null, nothing -> done.countDown(), failure -> done.countDown());
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static List<String> cellTexts(FxRobot robot, TableView<?> table) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.from(table).lookup((Node node) -> node instanceof TableCell<?, ?>).queryAll().stream()
                .map(node -> ((TableCell<?, ?>) node).getText())
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private static List<Double> doubles(List<java.math.BigDecimal> values) {
        return values.stream().map(java.math.BigDecimal::doubleValue).toList();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private static void onFx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get();
    }
}
