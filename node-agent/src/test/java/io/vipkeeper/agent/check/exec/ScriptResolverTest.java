package io.vipkeeper.agent.check.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptResolverTest {
    @TempDir
    Path temp;

    Path scripts;
    Path outside;
    ScriptResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        scripts = Files.createDirectories(temp.resolve("scripts"));
        outside = Files.createDirectories(temp.resolve("outside"));
        TestScripts.write(scripts, "ok.sh", "exit 0");
        Files.createDirectories(scripts.resolve("sub"));
        TestScripts.write(scripts.resolve("sub"), "nested.sh", "exit 0");
        TestScripts.write(outside, "evil.sh", "exit 0");
        resolver = new ScriptResolver(scripts);
    }

    private void assertRefused(String command, ScriptRefusal reason) {
        assertThatThrownBy(() -> resolver.resolve(command))
                .isInstanceOfSatisfying(ScriptRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.offendingPath()).isEqualTo(command);
                    assertThat(e.getMessage()).contains(command);
                });
    }

    @Test
    void resolvesARelativeNameInsideTheDirectory() throws Exception {
        assertThat(resolver.resolve("ok.sh")).isEqualTo(scripts.toRealPath().resolve("ok.sh"));
        assertThat(resolver.resolve("sub/nested.sh")).isEqualTo(scripts.toRealPath().resolve("sub/nested.sh"));
    }

    @Test
    void acceptsAnAbsolutePathInsideTheDirectory() throws Exception {
        assertThat(resolver.resolve(scripts.resolve("ok.sh").toString()))
                .isEqualTo(scripts.toRealPath().resolve("ok.sh"));
    }

    @Test
    void refusesParentTraversalEvenIfItComesBackInside() {
        assertRefused("../outside/evil.sh", ScriptRefusal.PARENT_TRAVERSAL);
        assertRefused("sub/../ok.sh", ScriptRefusal.PARENT_TRAVERSAL);
    }

    @Test
    void refusesAnAbsolutePathElsewhere() {
        assertRefused(outside.resolve("evil.sh").toString(), ScriptRefusal.OUTSIDE_SCRIPT_DIRECTORY);
        assertRefused("/bin/sh", ScriptRefusal.OUTSIDE_SCRIPT_DIRECTORY);
    }

    @Test
    void refusesASymlinkPointingOut() throws IOException {
        Files.createSymbolicLink(scripts.resolve("link.sh"), outside.resolve("evil.sh"));
        Files.createSymbolicLink(scripts.resolve("linkdir"), outside);
        assertRefused("link.sh", ScriptRefusal.SYMLINK_ESCAPES);
        assertRefused("linkdir/evil.sh", ScriptRefusal.SYMLINK_ESCAPES);
    }

    @Test
    void acceptsASymlinkThatStaysInside() throws Exception {
        Files.createSymbolicLink(scripts.resolve("alias.sh"), scripts.resolve("sub/nested.sh"));
        assertThat(resolver.resolve("alias.sh")).isEqualTo(scripts.toRealPath().resolve("sub/nested.sh"));
    }

    @Test
    void refusesMissingNotExecutableAndNonFiles() throws IOException {
        TestScripts.write(scripts, "plain.sh", "exit 0", "rw-r--r--");
        Files.createSymbolicLink(scripts.resolve("dangling.sh"), scripts.resolve("nothing-here"));
        assertRefused("missing.sh", ScriptRefusal.NOT_FOUND);
        assertRefused("dangling.sh", ScriptRefusal.NOT_FOUND);
        assertRefused("plain.sh", ScriptRefusal.NOT_EXECUTABLE);
        assertRefused("sub", ScriptRefusal.NOT_A_REGULAR_FILE);
        assertRefused("", ScriptRefusal.EMPTY_COMMAND);
    }

    @Test
    void scriptDirectoryMayItselfBeASymlink() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("scripts-link"), scripts);
        ScriptResolver viaLink = new ScriptResolver(link);
        assertThat(viaLink.resolve("ok.sh")).isEqualTo(scripts.toRealPath().resolve("ok.sh"));
        assertThat(viaLink.resolve(link.resolve("ok.sh").toString())).isEqualTo(scripts.toRealPath().resolve("ok.sh"));
    }
}
