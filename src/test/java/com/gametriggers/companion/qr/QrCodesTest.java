package com.gametriggers.companion.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import com.gametriggers.companion.testing.DebianTools;

/** The QR round trip with two independent decoders: ZXing's reader and zbar's zbarimg (apt zbar-tools). */
class QrCodesTest {

    private static final String LINK = "http://127.0.0.1:17730/t/Ab3_x-9QkLmN?src=qr";

    @TempDir
    Path dir;

    @Test
    void zxingReadsBackTheExactLinkAtEverySize() throws Exception {
        for (int size : new int[] {64, 128, 512, 2048}) {
            var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(LINK, size)));
            assertThat(image.getWidth()).isEqualTo(size);
            String text = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
            assertThat(text).as("size %d", size).isEqualTo(LINK);
        }
    }

    @Test
    void sizesAreClampedAndTheQuietZoneIsWhite() throws Exception {
        var tiny = ImageIO.read(new ByteArrayInputStream(QrCodes.png(LINK, 1)));
        var huge = ImageIO.read(new ByteArrayInputStream(QrCodes.png(LINK, 100_000)));
        var normal = ImageIO.read(new ByteArrayInputStream(QrCodes.png(LINK, 512)));

        assertThat(tiny.getWidth()).isEqualTo(QrCodes.MIN_SIZE);
        assertThat(huge.getWidth()).isEqualTo(QrCodes.MAX_SIZE);
        for (int i = 0; i < 20; i++) {
            assertThat(normal.getRGB(i, i) & 0xFFFFFF).as("quiet zone pixel %d", i).isEqualTo(0xFFFFFF);
        }
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(normal))))
                .getResultMetadata()).isNotNull();
    }

    @Test
    void zbarimgReadsBackTheExactLink() throws IOException, InterruptedException {
        DebianTools.assumeAvailable("zbarimg (zbar-tools)");
        Path zbarimg = Path.of("/usr/bin/zbarimg");
        assertThat(zbarimg).as("zbarimg from apt zbar-tools, which .ci/run installs").exists();
        Path png = dir.resolve("qr.png");
        Files.write(png, QrCodes.png(LINK, 400));

        // zbar also complains on stderr about a missing D-Bus, which does not matter for reading a file
        Path errors = dir.resolve("zbarimg.err");
        Process process = new ProcessBuilder(zbarimg.toString(), "--quiet", "--raw", png.toString())
                .redirectError(errors.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
        assertThat(output).isEqualTo(LINK);
    }
}
