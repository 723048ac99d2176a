package io.vipkeeper.agent.vrrp.engine;

import io.vipkeeper.agent.vrrp.VrrpVersion;

/** Shared values for the engine tests: addresses that exist only in tests, configs, clock origins. */
final class Fixtures {
    private Fixtures() {}

    /** An arbitrary origin for the monotonic clock; deliberately not 0. */
    static final long T0 = 1_000_000_000L;

    static final long SECOND = 1_000_000_000L;
    static final long MILLISECOND = 1_000_000L;

    static final byte[] ADDR_1 = {10, (byte) 199, 0, 1};
    static final byte[] ADDR_2 = {10, (byte) 199, 0, 2};
    static final byte[] ADDR_3 = {10, (byte) 199, 0, 3};
    /** 192.168.0.1: first byte 0xC0, negative as a signed Java byte. */
    static final byte[] ADDR_HIGH_BYTE = {(byte) 192, (byte) 168, 0, 1};

    static InstanceConfig v3(int priority, int intervalCentis, byte[] address) {
        return InstanceConfig.v3(priority, intervalCentis, address);
    }

    static InstanceConfig v2(int priority, int intervalCentis, byte[] address) {
        return new InstanceConfig(VrrpVersion.V2, priority, intervalCentis, true, 0L, false, address);
    }

    static StepResult step(InstanceState instance, VrrpEvent event, long now) {
        return VrrpStateMachine.step(instance, event, now);
    }

    /** The instance after Startup at {@link #T0}. */
    static InstanceState started(InstanceConfig config) {
        return step(InstanceState.initial(config), VrrpEvent.STARTUP, T0).instance();
    }

    /** A non-owner that became Master through its Master_Down_Timer (365), at the timer's deadline. */
    static InstanceState masterByTimeout(InstanceConfig config) {
        InstanceState backup = started(config);
        return step(backup, VrrpEvent.MASTER_DOWN_TIMER_FIRED, backup.masterDownDeadline()).instance();
    }

    static VrrpEvent.AdvertReceived advert(int priority, int intervalCentis, byte[] from) {
        return new VrrpEvent.AdvertReceived(priority, intervalCentis, from);
    }
}
