package io.vipkeeper.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.config.VipAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterModeTest {

    @Test
    void the_mode_is_asked_for_with_kubernetes() {
        assertThat(ClusterMode.requested(new String[] {"--kubernetes"})).isTrue();
        assertThat(ClusterMode.requested(new String[] {"--config", "agent.yaml"})).isFalse();
    }

    @Test
    void every_option_is_read() {
        ClusterMode.Options options = ClusterMode.parse(new String[] {"--kubernetes", "--node-name", "node-1",
                "--script-dir", "/etc/vipkeeper", "--script-user", "root", "--state-file", "/run/state.json"},
                Map.of("NODE_NAME", "from-env"));

        assertThat(options).isEqualTo(new ClusterMode.Options("node-1", Path.of("/etc/vipkeeper"), "root",
                Path.of("/run/state.json")));
    }

    @Test
    void the_node_name_comes_from_the_environment_when_not_given() {
        ClusterMode.Options options = ClusterMode.parse(new String[] {"--kubernetes"},
                Map.of("NODE_NAME", "node-7"));

        assertThat(options.nodeName()).isEqualTo("node-7");
        assertThat(options.scriptDir()).as("from the spec").isNull();
        assertThat(options.scriptUser()).as("from the spec").isNull();
    }

    @Test
    void a_missing_node_name_a_missing_value_and_an_unknown_option_are_refused() {
        assertThatThrownBy(() -> ClusterMode.parse(new String[] {"--kubernetes"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NODE_NAME");
        assertThatThrownBy(() -> ClusterMode.parse(new String[] {"--kubernetes", "--node-name"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--node-name needs a value");
        assertThatThrownBy(() -> ClusterMode.parse(new String[] {"--kubernetes", "--config", "a.yaml"},
                Map.of("NODE_NAME", "n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--config");
    }

    @Test
    void a_usage_error_exits_with_the_usage_code_before_touching_anything() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ClusterMode.run(new String[] {"--kubernetes"}, Map.of(),
                new PrintStream(err, true, StandardCharsets.UTF_8), action -> {
                    throw new AssertionError("no signal handler is installed for a usage error");
                });

        assertThat(code).isEqualTo(ClusterMode.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: vipkeeper-agent --kubernetes");
    }

    @Test
    void the_host_view_holds_the_loopback_interface_with_its_prefix() {
        NodeInterfaces host = ClusterMode.hostInterfaces();

        assertThat(host.holding(VipAddress.parse("127.0.0.0/8"))).isPresent();
    }
}
