package com.gametriggers.companion.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/** A JDK HTTP server bound to 127.0.0.1, with the request limits every server of the app keeps. */
public final class LoopbackHttpServer {

    private LoopbackHttpServer() {
    }

    /**
     * @throws java.net.BindException when another program has the port
     */
    public static HttpServer bind(int port, int backlog) throws IOException {
        limitRequestsOfTheJdkServer();
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }

    /**
     * The JDK server reads these once, when its first instance in the process is made, so every server sets them
     * before it binds: small headers, a request that has not arrived whole within 10 s is cut off, and answers go out
     * at once. Without TCP_NODELAY an answer written in two parts (headers, then body) on a kept-alive connection
     * waits some 40 ms for the client's delayed acknowledgement.
     */
    private static void limitRequestsOfTheJdkServer() {
        System.setProperty("sun.net.httpserver.maxReqHeaders", "64");
        System.setProperty("sun.net.httpserver.maxReqTime", "10");
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
