package io.vipkeeper.agent.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vipkeeper.agent.notify.NotifyCounters;
import io.vipkeeper.agent.runtime.AgentRuntime;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The agent's own HTTP endpoints, on one Netty thread:
 *
 * <ul>
 *   <li>{@code /healthz}: 200 while the VRRP loop runs (a liveness probe restarts an agent whose loop died);</li>
 *   <li>{@code /readyz}: 200 once every instance has left INITIALIZE;</li>
 *   <li>{@code /metrics}: the counters in Prometheus text format ({@link PrometheusText}).</li>
 * </ul>
 *
 * It only reads the snapshot the loop publishes, so a scrape can never delay an advert.
 */
public final class StatusServer implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;

    private StatusServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Listens on the address until {@link #close}. */
    public static StatusServer start(InetSocketAddress address, AgentRuntime runtime, NotifyCounters notify)
            throws InterruptedException {
        return start(address, runtime::isRunning, runtime::snapshot, notify);
    }

    static StatusServer start(InetSocketAddress address, Supplier<Boolean> alive, Supplier<AgentSnapshot> snapshot,
            NotifyCounters notify) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("vipkeeper-http", true),
                NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                    new Handler(alive, snapshot, notify));
                        }
                    })
                    .bind(address).sync().channel();
            return new StatusServer(group, ch);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** The address actually bound (useful with port 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Supplier<Boolean> alive;
        private final Supplier<AgentSnapshot> snapshot;
        private final NotifyCounters notify;

        Handler(Supplier<Boolean> alive, Supplier<AgentSnapshot> snapshot, NotifyCounters notify) {
            this.alive = alive;
            this.snapshot = snapshot;
            this.notify = notify;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = request.uri();
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            FullHttpResponse response;
            if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
                response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET\n");
            } else {
                response = switch (path) {
                    case "/healthz" -> alive.get()
                            ? text(HttpResponseStatus.OK, "ok\n")
                            : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the VRRP loop has stopped\n");
                    case "/readyz" -> ready(snapshot.get());
                    case "/metrics" -> {
                        FullHttpResponse r = text(HttpResponseStatus.OK, PrometheusText.render(snapshot.get(), notify));
                        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                        yield r;
                    }
                    default -> text(HttpResponseStatus.NOT_FOUND, "not found: try /healthz, /readyz, /metrics\n");
                };
            }
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private static FullHttpResponse ready(AgentSnapshot s) {
            if (s.instances().isEmpty()) {
                return text(HttpResponseStatus.SERVICE_UNAVAILABLE, "no instance has started yet\n");
            }
            for (AgentSnapshot.InstanceSnapshot i : s.instances()) {
                if ("INITIALIZE".equals(i.state())) {
                    return text(HttpResponseStatus.SERVICE_UNAVAILABLE, i.name() + " is still initializing\n");
                }
            }
            return text(HttpResponseStatus.OK, "ready\n");
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
            return r;
        }
    }
}
