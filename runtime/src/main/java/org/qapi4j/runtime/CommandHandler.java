package org.qapi4j.runtime;

import tools.jackson.core.JsonParser;

/**
 * The marshal function of one command: reads the arguments, calls the application's handler and
 * returns the writer of its result.
 *
 * <p>{@code arguments} is {@code null} when the request had no {@code "arguments"} member; otherwise
 * it is a parser over the arguments object whose next token is its {@code START_OBJECT}. Input errors
 * are thrown as {@link QmpError} with QEMU's texts.
 */
@FunctionalInterface
public interface CommandHandler {
  ReplyWriter invoke(JsonParser arguments);
}
