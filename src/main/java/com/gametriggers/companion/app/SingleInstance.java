package com.gametriggers.companion.app;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gametriggers.companion.concurrent.NamedThreads;

/**
 * One app per data folder. Two would fight over the overlay port, the journal and the tray; a streamer who starts the
 * app again (it is in the background, the window closed) wants the running one's window back. The first start holds
 * a lock file and listens on a loopback port written next to it, with a random key so no other program on the
 * machine can poke it; a later start finds the lock taken and asks the running app to show itself.
 */
final class SingleInstance implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SingleInstance.class);

    static final String LOCK_FILE = "instance.lock";
    static final String ADDRESS_FILE = "instance.properties";
    /** How long a second start waits for the first to answer: the first may still be starting. */
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(10);
    private static final int ANSWER_TIMEOUT_MILLIS = 5_000;

    /** How the claim went: this process runs the app, or another does and has been told. */
    sealed interface Claim permits Claimed, RunningElsewhere {
    }

    /** This process holds the data folder; it must {@link SingleInstance#listen} and close it at the end. */
    record Claimed(SingleInstance instance) implements Claim {
    }

    /** Another process runs the app; {@code answer} is the line to print (what it did, or why it did not answer). */
    record RunningElsewhere(String answer) implements Claim {
    }

    private final FileChannel lockChannel;
    private final Path addressFile;
    private final String key;
    private ServerSocket server;

    private SingleInstance(FileChannel lockChannel, Path addressFile, String key) {
        this.lockChannel = lockChannel;
        this.addressFile = addressFile;
        this.key = key;
    }

    /** Takes the data folder for this process, or hands over to the process that has it. */
    static Claim claim(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException("The data folder is already in use here", e);
        }
        if (lock == null) {
            channel.close();
            return new RunningElsewhere(askRunning(dataDir.resolve(ADDRESS_FILE)));
        }
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return new Claimed(new SingleInstance(channel, dataDir.resolve(ADDRESS_FILE), HexFormat.of().formatHex(key)));
    }

    /** Answers later starts from now on: each one runs {@code handover} (shows the window) and prints the line it returns. */
    void listen(Supplier<String> handover) throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Properties address = new Properties();
        address.setProperty("port", Integer.toString(server.getLocalPort()));
        address.setProperty("key", key);
        PrivateFiles.write(addressFile, address, "The running GameTriggers Companion; a second start asks it to show itself");
        NamedThreads.start("single-instance", () -> answerLaterStarts(handover));
    }

    private void answerLaterStarts(Supplier<String> handover) {
        while (!server.isClosed()) {
            try (Socket later = server.accept()) {
                later.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
                BufferedReader in = new BufferedReader(new InputStreamReader(later.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(later.getOutputStream(), StandardCharsets.UTF_8);
                if (!("show " + key).equals(in.readLine())) {
                    log.warn("A local program knocked on the single-instance port without the key; ignored");
                    continue;
                }
                out.write(handover.get() + "\n");
                out.flush();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.debug("A later start's hand-over failed", e);
                }
            }
        }
    }

    private static String askRunning(Path addressFile) {
        long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
        IOException last = null;
        do {
            try {
                Properties address = PrivateFiles.read(addressFile);
                String port = address.getProperty("port");
                if (port != null) {
                    return ask(Integer.parseInt(port), address.getProperty("key", ""));
                }
            } catch (IOException | NumberFormatException e) {
                last = e instanceof IOException io ? io : new IOException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        log.debug("The running app did not answer", last);
        return "GameTriggers Companion is already running with this data folder, but did not answer; "
                + "look for it in the tray, or quit it before starting it again.";
    }

    private static String ask(int port, String key) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ANSWER_TIMEOUT_MILLIS);
            socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write("show " + key + "\n");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (answer == null) {
                throw new IOException("The running app closed the connection without answering");
            }
            return answer;
        } catch (SocketTimeoutException e) {
            throw new IOException("The running app did not answer in time", e);
        }
    }

    /** Releases the data folder: the next start runs the app itself. */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(addressFile);
        lockChannel.close();
    }
}
