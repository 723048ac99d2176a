package io.vipkeeper.agent.config;

/**
 * JSON pointers (RFC 6901) as the keys of {@link YamlLocations}, and their display form for humans
 * ({@code /instances/0/checks/1/fall} is shown as {@code instances[0].checks[1].fall}). Pure.
 */
final class JsonPointers {

    private JsonPointers() {
    }

    /** Escapes one reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of a member of the object or array at {@code pointer}. */
    static String child(String pointer, String key) {
        return pointer + "/" + escape(key);
    }

    /** The pointer of an element of the array at {@code pointer}. */
    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The parent's pointer; the root's parent is the root. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    /** {@code instances[0].checks[1].fall}; numeric tokens are shown as indexes; the root is empty. */
    static String display(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String unescaped = token.replace("~1", "/").replace("~0", "~");
            if (!unescaped.isEmpty() && unescaped.chars().allMatch(Character::isDigit)) {
                text.append('[').append(unescaped).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(unescaped);
            }
        }
        return text.toString();
    }
}
