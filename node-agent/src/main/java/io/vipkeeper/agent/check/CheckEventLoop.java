package io.vipkeeper.agent.check;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event loop (one thread) shared by every HTTP and TCP check of the agent. Checks only connect,
 * write a small request and read a status line, so one thread serves hundreds of them; nothing on it blocks.
 *
 * <p>Host names are resolved on a separate small pool ({@link #resolve}), because Netty's default resolver calls
 * the blocking {@code InetAddress.getByName} on the event loop, where a slow DNS server would stall every check.
 */
public final class CheckEventLoop implements AutoCloseable {
    private final EventLoopGroup group;
    private final ExecutorService resolver;

    public CheckEventLoop() {
        this.group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("vipkeeper-check-io", true), NioIoHandler.newFactory());
        this.resolver = Executors.newFixedThreadPool(2, new DefaultThreadFactory("vipkeeper-check-dns", true));
    }

    /** Resolves {@code host:port} off the event loop; address literals complete at once. */
    public CompletableFuture<InetSocketAddress> resolve(String host, int port) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new InetSocketAddress(InetAddress.getByName(host), port);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }, resolver);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        resolver.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
