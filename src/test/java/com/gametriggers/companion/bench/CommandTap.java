package com.gametriggers.companion.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * A TCP proxy on {@code 127.0.0.1} that reads every MongoDB request on its way to the server and counts it by command
 * and collection, with the documents it carries (the {@code updates} of an {@code update}, the {@code documents} of an
 * {@code insert}) and the largest such batch. It sees what the server sees, whatever client sent it: the store takes
 * no command listener of ours, so the wire is where its commands are counted.
 *
 * <p>Only {@code OP_MSG} requests are parsed (every command a current driver sends, uncompressed unless the URI asks
 * for compression); anything else is counted under its op code. Replies are copied back untouched.
 */
final class CommandTap implements AutoCloseable {

    private static final int OP_MSG = 2013;

    /** One command name on one collection: how often, how many documents in all, and the most in one command. */
    static final class Tally {
        final LongAdder commands = new LongAdder();
        final LongAdder documents = new LongAdder();
        private long largest;

        synchronized void add(long docs) {
            commands.increment();
            documents.add(docs);
            largest = Math.max(largest, docs);
        }

        synchronized long largest() {
            return largest;
        }
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    CommandTap(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "command-tap-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Counts so far, keyed {@code "command collection"}, sorted. */
    Map<String, Tally> tallies() {
        return new TreeMap<>(tallies);
    }

    /** Forgets what was counted (after the set-up, before the measured part). */
    void reset() {
        tallies.clear();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                start("tap-requests", () -> requests(client, upstream));
                start("tap-replies", () -> copy(upstream, client));
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
            }
        }
    }

    private static void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void requests(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
             OutputStream out = upstream.getOutputStream()) {
            byte[] header = new byte[4];
            while (true) {
                in.readFully(header);
                int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] message = new byte[length];
                System.arraycopy(header, 0, message, 0, 4);
                in.readFully(message, 4, length - 4);
                count(message);
                out.write(message);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void count(byte[] message) {
        ByteBuffer buffer = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int opCode = buffer.getInt(12);
        if (opCode != OP_MSG) {
            tally("op" + opCode, 0);
            return;
        }
        int flags = buffer.getInt(16);
        int end = message.length - ((flags & 1) != 0 ? 4 : 0);
        int position = 20;
        RawBsonDocument body = null;
        Map<String, Integer> sequences = new TreeMap<>();
        while (position < end) {
            byte kind = message[position++];
            int size = buffer.getInt(position);
            if (kind == 0) {
                body = new RawBsonDocument(message, position, size);
            } else {
                int nameEnd = position + 4;
                while (message[nameEnd] != 0) {
                    nameEnd++;
                }
                String name = new String(message, position + 4, nameEnd - position - 4, StandardCharsets.UTF_8);
                int docs = 0;
                for (int at = nameEnd + 1; at < position + size; at += buffer.getInt(at)) {
                    docs++;
                }
                sequences.put(name, docs);
            }
            position += size;
        }
        if (body == null) {
            tally("op_msg without body", 0);
            return;
        }
        String command = body.getFirstKey();
        BsonValue target = body.get(command);
        String collection = target.isString() ? target.asString().getValue() : "";
        String documentsField = switch (command) {
            case "update" -> "updates";
            case "insert" -> "documents";
            case "delete" -> "deletes";
            default -> null;
        };
        long docs = 0;
        if (documentsField != null) {
            docs = sequences.containsKey(documentsField) ? sequences.get(documentsField)
                    : body.containsKey(documentsField) ? body.getArray(documentsField).size() : 0;
        }
        tally((command + " " + collection).strip(), docs);
    }

    private void tally(String key, long docs) {
        tallies.computeIfAbsent(key, k -> new Tally()).add(docs);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed.set(true);
        closeQuietly(server);
        sockets.forEach(CommandTap::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
