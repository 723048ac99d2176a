package io.vipkeeper.agent.check.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptUserTest {
    private static final List<String> PASSWD = List.of(
            "root:x:0:0:root:/root:/bin/bash",
            "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
            "app:x:1000:1001::/home/app:/bin/sh");

    @Test
    void looksUpNamesInPasswd() {
        assertThat(ScriptUser.lookup(PASSWD, "nobody")).contains(new ScriptUser.Ids(65534, 65534));
        assertThat(ScriptUser.lookup(PASSWD, "app")).contains(new ScriptUser.Ids(1000, 1001));
        assertThat(ScriptUser.lookup(PASSWD, "root").orElseThrow().isRoot()).isTrue();
        assertThat(ScriptUser.lookup(PASSWD, "ghost")).isEmpty();
    }

    @Test
    void acceptsNumericIds() {
        assertThat(new ScriptUser("1234").resolve()).contains(new ScriptUser.Ids(1234, 1234));
        assertThat(new ScriptUser("1234:99").resolve()).contains(new ScriptUser.Ids(1234, 99));
        assertThat(new ScriptUser("1:2:3").resolve(java.nio.file.Path.of("/nonexistent"))).isEqualTo(Optional.empty());
    }
}
