package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP(S) GET whose response status decides health (keepalived's HTTP_GET checker). A plain Jackson POJO,
 * also read from the node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpProbe {

    /**
     * Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1 for an IPv6
     * VirtualIP).
     */
    @JsonPropertyDescription("Host name or address to connect to. Absent: the node's loopback address (127.0.0.1, or ::1"
            + " for an IPv6 VirtualIP).")
    @Size(min = 1, max = 253)
    private String host;

    /** TCP port, 1..65535. */
    @JsonPropertyDescription("TCP port, 1..65535.")
    @Required
    @Min(1)
    @Max(65535)
    private Integer port;

    /** Request path, starting with '/'. Absent: '/'. */
    @JsonPropertyDescription("Request path, starting with '/'. Absent: '/'.")
    @Pattern("^/.*$")
    @Size(max = 2048)
    private String path;

    /** HTTP or HTTPS. Absent: HTTP. */
    @JsonPropertyDescription("HTTP or HTTPS. Absent: HTTP.")
    private HttpScheme scheme;

    /** With HTTPS: accept any server certificate. Absent: false. */
    @JsonPropertyDescription("With HTTPS: accept any server certificate. Absent: false.")
    private Boolean insecureSkipVerify;

    /** Response status codes that count as healthy. Absent or empty: any 2xx. */
    @JsonPropertyDescription("Response status codes that count as healthy. Absent or empty: any 2xx.")
    @Size(max = 32)
    private List<@Min(100) @Max(599) Integer> expectStatus;

    /** Creates an empty HttpProbe (for Jackson). */
    public HttpProbe() {
    }

    /** {@code host}: Host name or address to connect to. */
    public String getHost() {
        return host;
    }

    /** Sets {@code host}. */
    public void setHost(String host) {
        this.host = host;
    }

    /** {@code port}: TCP port, 1..65535. */
    public Integer getPort() {
        return port;
    }

    /** Sets {@code port}. */
    public void setPort(Integer port) {
        this.port = port;
    }

    /** {@code path}: Request path, starting with '/'. */
    public String getPath() {
        return path;
    }

    /** Sets {@code path}. */
    public void setPath(String path) {
        this.path = path;
    }

    /** {@code scheme}: HTTP or HTTPS. */
    public HttpScheme getScheme() {
        return scheme;
    }

    /** Sets {@code scheme}. */
    public void setScheme(HttpScheme scheme) {
        this.scheme = scheme;
    }

    /** {@code insecureSkipVerify}: With HTTPS: accept any server certificate. */
    public Boolean getInsecureSkipVerify() {
        return insecureSkipVerify;
    }

    /** Sets {@code insecureSkipVerify}. */
    public void setInsecureSkipVerify(Boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
    }

    /** {@code expectStatus}: Response status codes that count as healthy. */
    public List<Integer> getExpectStatus() {
        return expectStatus;
    }

    /** Sets {@code expectStatus}. */
    public void setExpectStatus(List<Integer> expectStatus) {
        this.expectStatus = expectStatus;
    }


    /** path, "/" when unset. */
    public String pathOrDefault() {
        return path == null ? "/" : path;
    }

    /** scheme, HTTP when unset. */
    public HttpScheme schemeOrDefault() {
        return scheme == null ? HttpScheme.HTTP : scheme;
    }

    /** Whether a response status counts as healthy: one of expectStatus, or any 2xx when that is unset or empty. */
    public boolean isExpectedStatus(int status) {
        return expectStatus == null || expectStatus.isEmpty() ? status >= 200 && status <= 299 : expectStatus.contains(status);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpProbe other
                && Objects.equals(host, other.host)
                && Objects.equals(port, other.port)
                && Objects.equals(path, other.path)
                && Objects.equals(scheme, other.scheme)
                && Objects.equals(insecureSkipVerify, other.insecureSkipVerify)
                && Objects.equals(expectStatus, other.expectStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, path, scheme, insecureSkipVerify, expectStatus);
    }

    @Override
    public String toString() {
        return "HttpProbe{"
                + "host=" + host
                + ", port=" + port
                + ", path=" + path
                + ", scheme=" + scheme
                + ", insecureSkipVerify=" + insecureSkipVerify
                + ", expectStatus=" + expectStatus
                + "}";
    }
}
