package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

final class PortCheck {
    private PortCheck() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
