package io.vipkeeper.agent.check.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runner wraps a script in setsid and setpriv (no process is started here). */
class ScriptArgvTest {
    @TempDir
    Path scripts;

    String script;

    @BeforeEach
    void setUp() throws Exception {
        script = TestScripts.write(scripts, "chk.sh", "exit 0").toRealPath().toString();
    }

    private ScriptRunner runner(ScriptUser user, int agentUid) throws Exception {
        return new ScriptRunner(new ScriptResolver(scripts), user, new ManualTaskScheduler(), Runnable::run,
                Path.of("/usr/bin/setsid"), Path.of("/usr/bin/setpriv"), agentUid);
    }

    @Test
    void aRootAgentDropsToTheScriptUserWithNoSupplementaryGroups() throws Exception {
        assertThat(runner(new ScriptUser("1234:99"), 0).buildArgv(List.of("chk.sh", "a", "b"))).containsExactly(
                "/usr/bin/setsid", "/usr/bin/setpriv", "--reuid=1234", "--regid=99", "--clear-groups", "--",
                script, "a", "b");
    }

    @Test
    void aNonRootAgentCannotSwitchUsersAndRunsScriptsAsItself() throws Exception {
        assertThat(runner(ScriptUser.NOBODY, 1000).buildArgv(List.of("chk.sh")))
                .containsExactly("/usr/bin/setsid", "--", script);
    }

    @Test
    void scriptsConfiguredToRunAsRootAreNotWrappedInSetpriv() throws Exception {
        // The temporary directory is root-owned and private when the tests run as root; as another user the
        // root-safety rule refuses it (owner not root), which is the point of the rule.
        ScriptRunner asRoot = runner(new ScriptUser("0"), 0);
        if (ScriptRunner.currentUid() == 0) {
            assertThat(asRoot.buildArgv(List.of("chk.sh"))).containsExactly("/usr/bin/setsid", "--", script);
        } else {
            assertThatThrownBy(() -> asRoot.buildArgv(List.of("chk.sh")))
                    .isInstanceOfSatisfying(ScriptRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(ScriptRefusal.INSECURE_FOR_ROOT));
        }
    }

    @Test
    void anEmptyCommandIsRefused() throws Exception {
        assertThatThrownBy(() -> runner(ScriptUser.NOBODY, 0).buildArgv(List.of()))
                .isInstanceOfSatisfying(ScriptRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ScriptRefusal.EMPTY_COMMAND));
    }
}
