package io.vipkeeper.bench;

import io.vipkeeper.agent.vrrp.engine.InstanceConfig;
import io.vipkeeper.agent.vrrp.engine.InstanceState;
import io.vipkeeper.agent.vrrp.engine.StepResult;
import io.vipkeeper.agent.vrrp.engine.VrrpEvent;
import io.vipkeeper.agent.vrrp.engine.VrrpStateMachine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link VrrpStateMachine#step} on the two hot paths: a Master's Adver_Timer firing (RFC 9568
 * (680): one advert, one re-arm) and a Backup receiving its Master's advert ((420)/(460): one re-arm).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StateMachineBenchmark -f 1 -wi 3 -i 5}; add
 * {@code -prof gc} for bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateMachineBenchmark {
    private static final long SECOND = 1_000_000_000L;

    private InstanceState master;
    private long masterAdverDeadline;
    private InstanceState backup;
    private VrrpEvent.AdvertReceived advertFromMaster;
    private long now;

    @Setup
    public void setUp() {
        byte[] local = {10, (byte) 199, 0, 2};
        InstanceState started = VrrpStateMachine.step(
                InstanceState.initial(InstanceConfig.v3(100, 100, local)), VrrpEvent.STARTUP, 0L).instance();
        backup = started;
        master = VrrpStateMachine.step(started, VrrpEvent.MASTER_DOWN_TIMER_FIRED, started.masterDownDeadline())
                .instance();
        masterAdverDeadline = master.adverDeadline();
        advertFromMaster = new VrrpEvent.AdvertReceived(200, 100, new byte[] {10, (byte) 199, 0, 1});
        now = SECOND;
    }

    /** Master, Adver_Timer fires: SendAdvert + ArmTimer(ADVER). */
    @Benchmark
    public StepResult masterAdverTimerFires() {
        return VrrpStateMachine.step(master, VrrpEvent.ADVER_TIMER_FIRED, masterAdverDeadline);
    }

    /** Backup, advert from a higher-priority Master: ArmTimer(MASTER_DOWN). */
    @Benchmark
    public StepResult backupReceivesAdvert() {
        return VrrpStateMachine.step(backup, advertFromMaster, now);
    }
}
