package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

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
    @Default("1s")
    private String interval;

    /** A run that takes longer fails (keepalived: timeout). Absent: the interval. */
    @JsonPropertyDescription("A run that takes longer fails (keepalived: timeout). Absent: the interval.")
    @Pattern(Formats.DURATION)
    private String timeout;

    /** Failures in a row before the check counts as failing (keepalived: fall). At least 1. Default: 1. */
    @JsonPropertyDescription("Failures in a row before the check counts as failing (keepalived: fall). At least 1. Default: 1.")
    @Min(1)
    @Max(255)
    @Default("1")
    private Integer fall;

    /** Successes in a row before the check counts as healthy again (keepalived: rise). At least 1. Default: 1. */
    @JsonPropertyDescription("Successes in a row before the check counts as healthy again (keepalived: rise). At least 1. Default:"
            + " 1.")
    @Min(1)
    @Max(255)
    @Default("1")
    private Integer rise;

    /**
     * -253..253 (keepalived: weight). 0: failing puts the instance in FAULT. > 0: added to the priority while
     * healthy. < 0: subtracted from the priority while failing. The result is clamped to 1..254. Default: 0.
     */
    @JsonPropertyDescription("-253..253 (keepalived: weight). 0: failing puts the instance in FAULT. > 0: added to the priority "
            + "while healthy. < 0: subtracted from the priority while failing. The result is clamped to 1..254. "
            + "Default: 0.")
    @Min(-253)
    @Max(253)
    @Default("0")
    private Integer weight;

    /** Start in the failing state until 'rise' successes (keepalived: init_fail). Default: false (starts healthy). */
    @JsonPropertyDescription("Start in the failing state until 'rise' successes (keepalived: init_fail). Default: false (starts "
            + "healthy).")
    @Default("false")
    private Boolean initFail;

    /** Creates an empty CheckSpec (for Jackson). */
    public CheckSpec() {
    }

    /** Returns: name of the check, unique in the VirtualIP (keepalived's vrrp_script name), for example chk_myscript. */
    public String getName() {
        return name;
    }

    /** Sets: name of the check, unique in the VirtualIP (keepalived's vrrp_script name), for example chk_myscript. */
    public void setName(String name) {
        this.name = name;
    }

    /** Returns: run a script from the pool's scriptDirectory; exit status 0 is healthy. */
    public ExecProbe getExec() {
        return exec;
    }

    /** Sets: run a script from the pool's scriptDirectory; exit status 0 is healthy. */
    public void setExec(ExecProbe exec) {
        this.exec = exec;
    }

    /** Returns: hTTP(S) GET; an expected status is healthy. */
    public HttpProbe getHttp() {
        return http;
    }

    /** Sets: hTTP(S) GET; an expected status is healthy. */
    public void setHttp(HttpProbe http) {
        this.http = http;
    }

    /** Returns: tCP connect; a connection is healthy. */
    public TcpProbe getTcp() {
        return tcp;
    }

    /** Sets: tCP connect; a connection is healthy. */
    public void setTcp(TcpProbe tcp) {
        this.tcp = tcp;
    }

    /** Returns: time between two runs (keepalived: interval). */
    public String getInterval() {
        return interval;
    }

    /** Sets: time between two runs (keepalived: interval). */
    public void setInterval(String interval) {
        this.interval = interval;
    }

    /** Returns: a run that takes longer fails (keepalived: timeout). */
    public String getTimeout() {
        return timeout;
    }

    /** Sets: a run that takes longer fails (keepalived: timeout). */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    /** Returns: failures in a row before the check counts as failing (keepalived: fall). */
    public Integer getFall() {
        return fall;
    }

    /** Sets: failures in a row before the check counts as failing (keepalived: fall). */
    public void setFall(Integer fall) {
        this.fall = fall;
    }

    /** Returns: successes in a row before the check counts as healthy again (keepalived: rise). */
    public Integer getRise() {
        return rise;
    }

    /** Sets: successes in a row before the check counts as healthy again (keepalived: rise). */
    public void setRise(Integer rise) {
        this.rise = rise;
    }

    /** Returns: -253..253 (keepalived: weight). */
    public Integer getWeight() {
        return weight;
    }

    /** Sets: -253..253 (keepalived: weight). */
    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    /** Returns: start in the failing state until 'rise' successes (keepalived: init_fail). */
    public Boolean getInitFail() {
        return initFail;
    }

    /** Sets: start in the failing state until 'rise' successes (keepalived: init_fail). */
    public void setInitFail(Boolean initFail) {
        this.initFail = initFail;
    }
}
