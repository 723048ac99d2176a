package io.vipkeeper.agent.check;

import io.vipkeeper.agent.check.exec.ScriptRunner;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/** Builds exec checks on a {@link ScriptRunner} and HTTP/TCP checks on the shared {@link CheckEventLoop}. */
public final class DefaultCheckFactory implements CheckFactory {
    private final ScriptRunner scripts;
    private final CheckEventLoop loop;

    public DefaultCheckFactory(ScriptRunner scripts, CheckEventLoop loop) {
        this.scripts = scripts;
        this.loop = loop;
    }

    @Override
    public Check create(CheckDefinition definition) {
        return switch (definition.probe()) {
            case CheckDefinition.ExecProbe exec -> new ExecCheck(exec, scripts);
            case CheckDefinition.TcpProbe tcp -> new TcpCheck(tcp, loop);
            case CheckDefinition.HttpProbe http -> {
                try {
                    yield new HttpCheck(http, loop);
                } catch (SSLException e) {
                    // A check that cannot be built is a check that fails, with the reason, on every run.
                    CheckResult failure = new CheckResult.Failure(CheckResult.FailureReason.TLS_FAILED,
                            "cannot build the TLS context: " + e);
                    yield timeout -> CompletableFuture.completedFuture(failure);
                }
            }
        };
    }
}
