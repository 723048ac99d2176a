package io.vipkeeper.agent.check;

/** Turns a definition into a runnable {@link Check}. */
@FunctionalInterface
public interface CheckFactory {
    Check create(CheckDefinition definition);
}
