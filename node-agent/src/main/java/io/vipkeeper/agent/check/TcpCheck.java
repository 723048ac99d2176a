package io.vipkeeper.agent.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code tcp} check: success when a connection to host:port is established within the timeout (name resolution
 * included). The connection is closed at once.
 */
public final class TcpCheck implements Check {
    private final CheckDefinition.TcpProbe probe;
    private final CheckEventLoop loop;

    public TcpCheck(CheckDefinition.TcpProbe probe, CheckEventLoop loop) {
        this.probe = probe;
        this.loop = loop;
    }

    @Override
    public CompletableFuture<CheckResult> run(Duration timeout) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        String target = probe.host() + ":" + probe.port();
        Instant deadline = Instant.now().plus(timeout);
        loop.resolve(probe.host(), probe.port()).whenComplete((address, resolveError) -> {
            if (resolveError != null) {
                result.complete(new CheckResult.Failure(CheckResult.FailureReason.CONNECT_FAILED,
                        "cannot resolve " + probe.host() + ": " + resolveError.getCause()));
                return;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                result.complete(timedOut(target, timeout));
                return;
            }
            try {
                ChannelFuture connect = new Bootstrap()
                        .group(loop.group())
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, left))
                        .handler(new ChannelInboundHandlerAdapter())
                        .connect(address);
                connect.addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        result.complete(new CheckResult.Success("connected to " + target));
                        f.channel().close();
                    } else if (f.cause() instanceof ConnectTimeoutException) {
                        result.complete(timedOut(target, timeout));
                    } else {
                        result.complete(new CheckResult.Failure(CheckResult.FailureReason.CONNECT_FAILED,
                                "cannot connect to " + target + ": " + f.cause()));
                    }
                });
            } catch (RuntimeException e) {
                result.complete(new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR, e.toString()));
            }
        });
        return result;
    }

    private static CheckResult timedOut(String target, Duration timeout) {
        return new CheckResult.Failure(CheckResult.FailureReason.TIMED_OUT,
                "no connection to " + target + " within " + timeout);
    }
}
