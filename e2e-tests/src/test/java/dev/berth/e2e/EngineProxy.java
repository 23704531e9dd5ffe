package dev.berth.e2e;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass-through between an agent and the platform's real container engine, on a socket of its
 * own: it notes the request line of every API call the agent makes, and it can cut the agent
 * off the engine (every connection closed, new ones refused) and let it back.
 */
final class EngineProxy implements AutoCloseable {

    private static final Pattern REQUEST_LINE = Pattern.compile("(GET|POST|PUT|DELETE|HEAD) (\\S+) HTTP/1\\.[01]");

    private final Path socket;
    private final Path engine;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;

    private EngineProxy(Path socket, Path engine) {
        this.socket = socket;
        this.engine = engine;
    }

    /** Listens on {@code socket} and passes everything on to the engine at {@code engineSocket}. */
    static EngineProxy start(Path socket, Path engineSocket) throws IOException {
        EngineProxy proxy = new EngineProxy(socket, engineSocket);
        proxy.restore();
        return proxy;
    }

    String dockerHost() {
        return "unix://" + socket;
    }

    /** "METHOD path" of every request so far. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Closes every connection and refuses new ones, as if the engine went away. */
    synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
        open.clear();
    }

    /** Accepts connections (again). */
    synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        Files.deleteIfExists(socket);
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        server = listening;
        Thread.ofVirtual().name("engine-proxy").start(() -> accept(listening));
    }

    private void accept(ServerSocketChannel listening) {
        while (listening.isOpen()) {
            try {
                SocketChannel client = listening.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to, boolean requestsFlow) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        StringBuilder partial = new StringBuilder();
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                if (requestsFlow) {
                    note(partial, new String(buffer.array(), 0, buffer.limit(), StandardCharsets.ISO_8859_1));
                }
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // one side closed or was cut
        } finally {
            close(from);
            close(to);
        }
    }

    /** Request lines in what the client sent; a line split over two reads is joined first. */
    private void note(StringBuilder partial, String chunk) {
        partial.append(chunk);
        int end;
        while ((end = partial.indexOf("\r\n")) >= 0) {
            Matcher line = REQUEST_LINE.matcher(partial.substring(0, end));
            if (line.matches()) {
                requests.add(line.group(1) + " " + line.group(2));
            }
            partial.delete(0, end + 2);
        }
        if (partial.length() > 8192) {
            partial.setLength(0); // a body without line breaks: no request line in it
        }
    }

    private void close(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        Files.deleteIfExists(socket);
    }
}
