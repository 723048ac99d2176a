package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;
import java.util.Objects;

/**
 * One health check of a VirtualIP, with keepalived's vrrp_script semantics: run every interval; after 'fall'
 * failures in a row it is failing, after 'rise' successes in a row it is healthy again. weight 0: failing puts
 * the instance in FAULT; weight > 0: added to the priority while healthy; weight < 0: subtracted while failing.
 * Exactly one of exec, http, tcp. A plain Jackson POJO, also read from the node agent's standalone configuration
 * file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.exec) ? 1 : 0) + (has(self.http) ? 1 : 0) + (has(self.tcp) ? 1 : 0) == 1",
        message = "a check has exactly one of exec, http, tcp")
public class CheckSpec {

    /** Name of the check, unique in the VirtualIP (keepalived's vrrp_script name), for example chk_myscript. */
    @JsonPropertyDescription("Name of the check, unique in the VirtualIP (keepalived's vrrp_script name), for example "
            + "chk_myscript.")
    @Required
    @Pattern(Formats.CHECK_NAME)
    @Size(max = 63)
    private String name;

    /** Run a script from the pool's scriptDirectory; exit status 0 is healthy. */
    @JsonPropertyDescription("Run a script from the pool's scriptDirectory; exit status 0 is healthy.")
    private ExecProbe exec;

    /** HTTP(S) GET; an expected status is healthy. */
    @JsonPropertyDescription("HTTP(S) GET; an expected status is healthy.")
    private HttpProbe http;

    /** TCP connect; a connection is healthy. */
    @JsonPropertyDescription("TCP connect; a connection is healthy.")
    private TcpProbe tcp;

    /** Time between two runs (keepalived: interval). Default: 1s. */
    @JsonPropertyDescription("Time between two runs (keepalived: interval). Default: 1s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    @Default("1s")
    private String interval;

    /** A run that takes longer fails (keepalived: timeout). Absent: the interval. */
    @JsonPropertyDescription("A run that takes longer fails (keepalived: timeout). Absent: the interval.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String timeout;

    /** Failures in a row before the check counts as failing (keepalived: fall). At least 1. Default: 1. */
    @JsonPropertyDescription("Failures in a row before the check counts as failing (keepalived: fall). At least 1. "
            + "Default: 1.")
    @Min(1)
    @Max(255)
    @Default("1")
    private Integer fall;

    /** Successes in a row before the check counts as healthy again (keepalived: rise). At least 1. Default: 1. */
    @JsonPropertyDescription("Successes in a row before the check counts as healthy again (keepalived: rise). At least "
            + "1. Default: 1.")
    @Min(1)
    @Max(255)
    @Default("1")
    private Integer rise;

    /**
     * -253..253 (keepalived: weight). 0: failing puts the instance in FAULT. > 0: added to the priority while
     * healthy. < 0: subtracted from the priority while failing. The result is clamped to 1..254. Default: 0.
     */
    @JsonPropertyDescription("-253..253 (keepalived: weight). 0: failing puts the instance in FAULT. > 0: added to the "
            + "priority while healthy. < 0: subtracted from the priority while failing. The result is "
            + "clamped to 1..254. Default: 0.")
    @Min(-253)
    @Max(253)
    @Default("0")
    private Integer weight;

    /** Start in the failing state until 'rise' successes (keepalived: init_fail). Default: false (starts healthy). */
    @JsonPropertyDescription("Start in the failing state until 'rise' successes (keepalived: init_fail). Default: false "
            + "(starts healthy).")
    @Default("false")
    private Boolean initFail;

    /** Creates an empty CheckSpec (for Jackson). */
    public CheckSpec() {
    }

    /**
     * {@code name}: Name of the check, unique in the VirtualIP (keepalived's vrrp_script name), for example
     * chk_myscript.
     */
    public String getName() {
        return name;
    }

    /** Sets {@code name}. */
    public void setName(String name) {
        this.name = name;
    }

    /** {@code exec}: Run a script from the pool's scriptDirectory; exit status 0 is healthy. */
    public ExecProbe getExec() {
        return exec;
    }

    /** Sets {@code exec}. */
    public void setExec(ExecProbe exec) {
        this.exec = exec;
    }

    /** {@code http}: HTTP(S) GET; an expected status is healthy. */
    public HttpProbe getHttp() {
        return http;
    }

    /** Sets {@code http}. */
    public void setHttp(HttpProbe http) {
        this.http = http;
    }

    /** {@code tcp}: TCP connect; a connection is healthy. */
    public TcpProbe getTcp() {
        return tcp;
    }

    /** Sets {@code tcp}. */
    public void setTcp(TcpProbe tcp) {
        this.tcp = tcp;
    }

    /** {@code interval}: Time between two runs (keepalived: interval). */
    public String getInterval() {
        return interval;
    }

    /** Sets {@code interval}. */
    public void setInterval(String interval) {
        this.interval = interval;
    }

    /** {@code timeout}: A run that takes longer fails (keepalived: timeout). */
    public String getTimeout() {
        return timeout;
    }

    /** Sets {@code timeout}. */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    /** {@code fall}: Failures in a row before the check counts as failing (keepalived: fall). */
    public Integer getFall() {
        return fall;
    }

    /** Sets {@code fall}. */
    public void setFall(Integer fall) {
        this.fall = fall;
    }

    /** {@code rise}: Successes in a row before the check counts as healthy again (keepalived: rise). */
    public Integer getRise() {
        return rise;
    }

    /** Sets {@code rise}. */
    public void setRise(Integer rise) {
        this.rise = rise;
    }

    /** {@code weight}: -253..253 (keepalived: weight). */
    public Integer getWeight() {
        return weight;
    }

    /** Sets {@code weight}. */
    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    /** {@code initFail}: Start in the failing state until 'rise' successes (keepalived: init_fail). */
    public Boolean getInitFail() {
        return initFail;
    }

    /** Sets {@code initFail}. */
    public void setInitFail(Boolean initFail) {
        this.initFail = initFail;
    }


    /** Interval when none is set (keepalived's vrrp_script default). */
    public static final String DEFAULT_INTERVAL = "1s";
    /** fall and rise when none is set. */
    public static final int DEFAULT_FALL_RISE = 1;

    /**
     * The interval as a duration, {@link #DEFAULT_INTERVAL} when unset.
     *
     * @throws Durations.InvalidDurationException when the text is not a duration
     */
    public Duration intervalOrDefault() throws Durations.InvalidDurationException {
        return Durations.parse(interval == null ? DEFAULT_INTERVAL : interval);
    }

    /**
     * The timeout as a duration; the interval when unset.
     *
     * @throws Durations.InvalidDurationException when the text is not a duration
     */
    public Duration timeoutOrDefault() throws Durations.InvalidDurationException {
        return timeout == null ? intervalOrDefault() : Durations.parse(timeout);
    }

    /** fall, {@link #DEFAULT_FALL_RISE} when unset. */
    public int fallOrDefault() {
        return fall == null ? DEFAULT_FALL_RISE : fall;
    }

    /** rise, {@link #DEFAULT_FALL_RISE} when unset. */
    public int riseOrDefault() {
        return rise == null ? DEFAULT_FALL_RISE : rise;
    }

    /** weight, 0 when unset. */
    public int weightOrDefault() {
        return weight == null ? 0 : weight;
    }

    /** initFail, false when unset. */
    public boolean initFailOrDefault() {
        return Boolean.TRUE.equals(initFail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckSpec other
                && Objects.equals(name, other.name)
                && Objects.equals(exec, other.exec)
                && Objects.equals(http, other.http)
                && Objects.equals(tcp, other.tcp)
                && Objects.equals(interval, other.interval)
                && Objects.equals(timeout, other.timeout)
                && Objects.equals(fall, other.fall)
                && Objects.equals(rise, other.rise)
                && Objects.equals(weight, other.weight)
                && Objects.equals(initFail, other.initFail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, exec, http, tcp, interval, timeout, fall, rise, weight, initFail);
    }

    @Override
    public String toString() {
        return "CheckSpec{"
                + "name=" + name
                + ", exec=" + exec
                + ", http=" + http
                + ", tcp=" + tcp
                + ", interval=" + interval
                + ", timeout=" + timeout
                + ", fall=" + fall
                + ", rise=" + rise
                + ", weight=" + weight
                + ", initFail=" + initFail
                + "}";
    }
}
