package io.vipkeeper.agent.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A {@code tcp} check: success when a connection to host:port is established within the timeout. */
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
        try {
            ChannelFuture connect = new Bootstrap()
                    .group(loop.group())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(probe.host(), probe.port());
            connect.addListener((ChannelFuture f) -> {
                if (f.isSuccess()) {
                    result.complete(new CheckResult.Success("connected to " + target));
                    f.channel().close();
                } else if (f.cause() instanceof io.netty.channel.ConnectTimeoutException) {
                    result.complete(new CheckResult.Failure(CheckResult.FailureReason.TIMED_OUT,
                            "no connection to " + target + " within " + timeout));
                } else {
                    result.complete(new CheckResult.Failure(CheckResult.FailureReason.CONNECT_FAILED,
                            "cannot connect to " + target + ": " + f.cause()));
                }
            });
        } catch (RuntimeException e) {
            result.complete(new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR, e.toString()));
        }
        return result;
    }
}
