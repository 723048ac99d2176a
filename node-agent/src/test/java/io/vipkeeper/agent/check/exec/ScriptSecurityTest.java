package io.vipkeeper.agent.check.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.check.exec.ScriptSecurity.PathOwnership;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enable_script_security rule, table-driven over one path component below safe parents. */
class ScriptSecurityTest {
    private static final int DIR = 0040000;
    private static final int FILE = 0100000;

    @ParameterizedTest(name = "{0}: uid={1} gid={2} mode={3} -> safe={4}")
    @CsvSource({
        "root-owned file 0755,              0, 0,    100755, true",
        "file owned by a user,              1000, 0, 100755, false",
        "world-writable file,               0, 0,    100757, false",
        "group-writable file (root group),   0, 0,    100775, true",
        "group-writable file (user group),   0, 100,  100775, false",
        "world-writable file with sticky,   0, 0,    101777, false",
        "root dir 0755,                     0, 0,    040755, true",
        "world-writable dir,                0, 0,    040777, false",
        "world-writable sticky dir (/tmp),  0, 0,    041777, true",
        "sticky dir owned by a user,        1000, 0, 041777, false",
        "group-writable dir (user group),    0, 50,   040775, false",
    })
    void decidesLikeKeepalived(String what, int uid, int gid, String octalMode, boolean safe) {
        int mode = Integer.parseInt(octalMode, 8);
        List<PathOwnership> path = List.of(
                new PathOwnership(Path.of("/"), 0, 0, DIR | 0755),
                new PathOwnership(Path.of("/x"), uid, gid, mode));
        assertThat(ScriptSecurity.firstUnsafe(path).isEmpty()).as(what).isEqualTo(safe);
        if (!safe) {
            assertThat(ScriptSecurity.firstUnsafe(path).orElseThrow().path()).isEqualTo(Path.of("/x"));
        }
    }

    @org.junit.jupiter.api.Test
    void reportsTheFirstUnsafeComponentFromTheTop() {
        List<PathOwnership> path = List.of(
                new PathOwnership(Path.of("/"), 0, 0, DIR | 0755),
                new PathOwnership(Path.of("/a"), 0, 0, DIR | 0777),
                new PathOwnership(Path.of("/a/b"), 1000, 1000, DIR | 0755),
                new PathOwnership(Path.of("/a/b/s.sh"), 0, 0, FILE | 0755));
        assertThat(ScriptSecurity.firstUnsafe(path).orElseThrow().path()).isEqualTo(Path.of("/a"));
    }

    /** POSIX: exactly one class applies (owner, else group, else others); nobody is 65534:65534. */
    @ParameterizedTest(name = "uid {0} gid {1} on {2}:{3} mode {4} need {5} -> {6}")
    @CsvSource({
        // a root-owned 0755 script: everybody may read and execute
        "65534, 65534, 0, 0, 0755, 5, true",
        // 0700 root-owned: nobody may not execute (the case that used to fail as a bare exit code)
        "65534, 65534, 0, 0, 0700, 1, false",
        // 0711: nobody may execute a binary but not read an interpreted script
        "65534, 65534, 0, 0, 0711, 1, true",
        "65534, 65534, 0, 0, 0711, 5, false",
        // group class applies to a matching gid even when others would allow more
        "65534, 65534, 0, 65534, 0705, 1, false",
        "65534, 65534, 0, 65534, 0750, 5, true",
        // owner class applies exclusively: an owner without x is refused even if others have it
        "65534, 65534, 65534, 0, 0605, 1, false",
        "65534, 65534, 65534, 0, 0500, 5, true",
    })
    void permissionClassesAsPosixDefinesThem(int uid, int gid, int fileUid, int fileGid, String mode, int need,
            boolean expected) {
        PathOwnership file = new PathOwnership(Path.of("/scripts/x"), fileUid, fileGid, Integer.parseInt(mode, 8));
        assertThat(ScriptSecurity.permits(uid, gid, file, need)).isEqualTo(expected);
    }
}
