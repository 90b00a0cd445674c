package com.gametriggers.companion.tracking.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names and creates segment files. A segment is named after the first sequence it may hold, zero-padded to 20
 * digits, so that names sort in sequence order and every record in a segment is below the next segment's name.
 */
final class SegmentFiles {

    /** The leading zero is always there because a long has at most 19 digits; requiring it keeps parsing in range. */
    private static final Pattern NAME = Pattern.compile("journal-(0\\d{19})\\.log");

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    record SegmentFile(Path path, long firstSequence) {
    }

    private SegmentFiles() {
    }

    static Path path(Path dir, long firstSequence) {
        return dir.resolve(String.format(Locale.ROOT, "journal-%020d.log", firstSequence));
    }

    /** The segment files in dir, oldest first; other files are not the journal's and are left alone. */
    static List<SegmentFile> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.flatMap(file -> {
                Matcher name = NAME.matcher(file.getFileName().toString());
                return name.matches()
                        ? Stream.of(new SegmentFile(file, Long.parseLong(name.group(1))))
                        : Stream.empty();
            }).sorted(Comparator.comparingLong(SegmentFile::firstSequence)).toList();
        }
    }

    /**
     * A new segment holding only its {@link SegmentHeader}, positioned after it, whose header and directory entry are
     * already durable, so that a crash cannot lose the whole file. If that fails, the file is removed again, so that
     * no half-made segment is left to be reported as damage.
     */
    static FileChannel create(Path dir, long firstSequence) throws IOException {
        Path file = path(dir, firstSequence);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = SegmentHeader.current();
            while (header.hasRemaining()) {
                channel.write(header);
            }
            channel.force(false);
            syncDirectory(dir);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a file; NTFS journals directory entries on its own.
            if (!WINDOWS) {
                throw e;
            }
        }
    }
}
