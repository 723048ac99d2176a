package io.vipkeeper.agent.check;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event loop (one thread) shared by every HTTP and TCP check of the agent. Checks only connect,
 * write a small request and read a status line, so one thread serves hundreds of them; nothing on it blocks.
 */
public final class CheckEventLoop implements AutoCloseable {
    private final EventLoopGroup group;

    public CheckEventLoop() {
        this.group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("vipkeeper-check-io", true), NioIoHandler.newFactory());
    }

    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
