package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports for tests and for a second stack beside the first. The kernel may hand the same free port out again
 * once it is closed, so a port given out once is never given again by this process: two services of one stack were
 * once started on the same port, and the second could not start.
 */
public final class FreePorts {
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ask();
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not given out before, after 1000 attempts");
    }

    private static int ask() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
