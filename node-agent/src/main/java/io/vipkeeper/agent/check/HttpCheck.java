package io.vipkeeper.agent.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * An {@code http} check on the shared {@link CheckEventLoop}: a GET to host:port/path, success when the status is
 * one of the expected codes (any 2xx when none are configured). The whole exchange — connect, TLS handshake,
 * response head — must finish within the timeout; only the status line and headers are waited for.
 *
 * <p>With TLS the certificate chain is verified against the JDK's trust store and the host name is checked
 * (endpoint identification "HTTPS"), unless {@code insecureSkipVerify} is set.
 */
public final class HttpCheck implements Check {
    private final CheckDefinition.HttpProbe probe;
    private final CheckEventLoop loop;
    private final SslContext sslContext;

    /**
     * @throws SSLException if the TLS context cannot be built
     */
    public HttpCheck(CheckDefinition.HttpProbe probe, CheckEventLoop loop) throws SSLException {
        this.probe = probe;
        this.loop = loop;
        if (probe.tls()) {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (probe.insecureSkipVerify()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
            } else {
                builder.endpointIdentificationAlgorithm("HTTPS");
            }
            this.sslContext = builder.build();
        } else {
            this.sslContext = null;
        }
    }

    @Override
    public CompletableFuture<CheckResult> run(Duration timeout) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        String url = (probe.tls() ? "https://" : "http://") + probe.host() + ":" + probe.port() + probe.path();
        // One deadline for the whole exchange, name resolution included.
        ScheduledFuture<?> deadline = loop.group().schedule(() -> {
            result.complete(new CheckResult.Failure(CheckResult.FailureReason.TIMED_OUT,
                    "no response from " + url + " within " + timeout));
        }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
        loop.resolve(probe.host(), probe.port()).whenComplete((address, resolveError) -> {
            if (resolveError != null) {
                result.complete(new CheckResult.Failure(CheckResult.FailureReason.CONNECT_FAILED,
                        "cannot resolve " + probe.host() + ": " + resolveError.getCause()));
                return;
            }
            if (!result.isDone()) {
                connect(address, timeout, url, result);
            }
        });
        return result;
    }

    private void connect(InetSocketAddress address, Duration timeout, String url,
            CompletableFuture<CheckResult> result) {
        try {
            ChannelFuture connect = new Bootstrap()
                    .group(loop.group())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (sslContext != null) {
                                ch.pipeline().addLast(sslContext.newHandler(ch.alloc(), probe.host(), probe.port()));
                            }
                            ch.pipeline().addLast(new HttpClientCodec());
                            ch.pipeline().addLast(new ResponseHandler(result, url));
                        }
                    })
                    .connect(address);
            Channel channel = connect.channel();
            // Whatever ends the check (response, error, deadline) closes the connection.
            result.whenComplete((r, e) -> channel.close());
            connect.addListener((ChannelFuture f) -> {
                if (!f.isSuccess()) {
                    result.complete(new CheckResult.Failure(CheckResult.FailureReason.CONNECT_FAILED,
                            "cannot connect for " + url + ": " + f.cause()));
                    return;
                }
                DefaultFullHttpRequest request =
                        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, probe.path());
                request.headers()
                        .set(HttpHeaderNames.HOST, hostHeader())
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set(HttpHeaderNames.USER_AGENT, "vipkeeper-check");
                f.channel().writeAndFlush(request);
            });
        } catch (RuntimeException e) {
            result.complete(new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR, e.toString()));
        }
    }

    /** {@code host:port}, with an IPv6 literal in brackets (RFC 9110 §7.2 / RFC 3986 §3.2.2). */
    private String hostHeader() {
        String host = probe.host().contains(":") && !probe.host().startsWith("[")
                ? "[" + probe.host() + "]" : probe.host();
        return host + ":" + probe.port();
    }

    private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final CompletableFuture<CheckResult> result;
        private final String url;

        ResponseHandler(CompletableFuture<CheckResult> result, String url) {
            this.result = result;
            this.url = url;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse response) {
                int status = response.status().code();
                if (probe.accepts(status)) {
                    result.complete(new CheckResult.Success(url + " returned " + status));
                } else {
                    result.complete(new CheckResult.Failure(CheckResult.FailureReason.UNEXPECTED_STATUS,
                            url + " returned " + status));
                }
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR,
                    url + ": connection closed before a response"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            boolean tls = cause instanceof SSLException || cause.getCause() instanceof SSLException;
            result.complete(new CheckResult.Failure(
                    tls ? CheckResult.FailureReason.TLS_FAILED : CheckResult.FailureReason.IO_ERROR,
                    url + ": " + cause));
            ctx.close();
        }
    }
}
