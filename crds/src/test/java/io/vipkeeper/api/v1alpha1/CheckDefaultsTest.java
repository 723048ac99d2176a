package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check and notify classes read from plain YAML with a plain Jackson mapper (as the node agent's standalone
 * configuration file will), compare by value, and give the documented defaults.
 */
class CheckDefaultsTest {

    private static final ObjectMapper PLAIN_YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void checksReadFromPlainYamlWithDefaults() throws Exception {
        List<CheckSpec> checks = PLAIN_YAML.readerForListOf(CheckSpec.class).readValue("""
                - name: chk_myscript
                  exec: {command: [mycheckscript.sh, --quick]}
                  interval: 2s
                  fall: 2
                  rise: 3
                - name: web
                  http: {port: 8080}
                  weight: -20
                  timeout: 500ms
                """);
        CheckSpec script = checks.get(0);
        assertThat(script.getExec()).isEqualTo(new ExecProbe(List.of("mycheckscript.sh", "--quick")));
        assertThat(script.intervalOrDefault()).isEqualTo(Duration.ofSeconds(2));
        assertThat(script.timeoutOrDefault()).isEqualTo(Duration.ofSeconds(2));
        assertThat(script.fallOrDefault()).isEqualTo(2);
        assertThat(script.riseOrDefault()).isEqualTo(3);
        assertThat(script.weightOrDefault()).isZero();
        assertThat(script.initFailOrDefault()).isFalse();

        CheckSpec web = checks.get(1);
        assertThat(web.intervalOrDefault()).isEqualTo(Duration.ofSeconds(1));
        assertThat(web.timeoutOrDefault()).isEqualTo(Duration.ofMillis(500));
        assertThat(web.fallOrDefault()).isEqualTo(1);
        assertThat(web.weightOrDefault()).isEqualTo(-20);
        assertThat(web.getHttp().pathOrDefault()).isEqualTo("/");
        assertThat(web.getHttp().schemeOrDefault()).isEqualTo(HttpScheme.HTTP);
        assertThat(web.getHttp().isExpectedStatus(204)).isTrue();
        assertThat(web.getHttp().isExpectedStatus(301)).isFalse();

        // Value equality: the agent compares instance configs to touch only what changed.
        List<CheckSpec> again = PLAIN_YAML.readerForListOf(CheckSpec.class)
                .readValue(PLAIN_YAML.writeValueAsString(checks));
        assertThat(again).isEqualTo(checks);
        assertThat(again.hashCode()).isEqualTo(checks.hashCode());
        again.get(1).setWeight(-21);
        assertThat(again).isNotEqualTo(checks);
    }

    @Test
    void explicitExpectStatusReplacesAny2xx() throws Exception {
        HttpProbe probe = PLAIN_YAML.readValue("{port: 80, expectStatus: [200, 301]}", HttpProbe.class);
        assertThat(probe.isExpectedStatus(301)).isTrue();
        assertThat(probe.isExpectedStatus(204)).isFalse();
    }

    @Test
    void notifyDefaultsAndBadDuration() throws Exception {
        NotifySpec notify = PLAIN_YAML.readValue("""
                exec: {command: [keepalivednotify.sh]}
                webhook: {url: "http://alerts/vip", timeout: soon}
                """, NotifySpec.class);
        assertThat(notify.getExec().timeoutOrDefault()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> notify.getWebhook().timeoutOrDefault())
                .isInstanceOfSatisfying(Durations.InvalidDurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Durations.Reason.MALFORMED));
        assertThat(new WebhookHook().timeoutOrDefault()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void serializesWithoutNullsOrHelperProperties() throws Exception {
        CheckSpec check = new CheckSpec();
        check.setName("c");
        check.setTcp(new TcpProbe());
        check.getTcp().setPort(22);
        assertThat(new ObjectMapper().writeValueAsString(check)).isEqualTo("{\"name\":\"c\",\"tcp\":{\"port\":22}}");
    }
}
