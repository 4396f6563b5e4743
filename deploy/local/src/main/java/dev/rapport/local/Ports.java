package dev.rapport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before anything starts, so a clash is one clear line instead of a stack trace. */
public final class Ports {
    private Ports() {
    }

    /** Below Linux's ephemeral range (32768–60999), which outgoing connections take from while a service starts. */
    private static final int FIRST = 20000;
    private static final int LAST = 32767;
    /** Handed out by this JVM: not again, though nothing may be bound to it yet. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port for a process to bind later. Not one the OS picks for "any port": those are ephemeral ports, and an
     * outgoing connection (a Kafka client's, say) may take the same one before the process binds it.
     */
    public static int free() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = random.nextInt(FIRST, LAST + 1);
            if (isFree(port) && GIVEN.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
