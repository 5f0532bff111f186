package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * A command (QAPI {@code 'command'}).
 *
 * @param data the name of the argument type: an implicit {@code q_obj_NAME-arg} struct for inline
 *     arguments, or a named struct or union; empty when the command takes no arguments
 * @param returns the type of the result; empty when the command returns {@code {}}
 * @param javaMethod the interface method it is bound to
 * @param async the method returns a {@code CompletionStage} of the result (not QAPI: QEMU never
 *     merged asynchronous commands; invisible on the wire and in introspection)
 */
public record CommandDef(
    String name,
    Optional<String> data,
    Optional<TypeRef> returns,
    boolean boxed,
    boolean allowOob,
    boolean coroutine,
    boolean successResponse,
    boolean allowPreconfig,
    boolean gen,
    List<Feature> features,
    Condition condition,
    Origin origin,
    String javaMethod,
    boolean async)
    implements Definition {
  public CommandDef {
    features = List.copyOf(features);
  }

  /** A synchronous command. */
  public CommandDef(
      String name,
      Optional<String> data,
      Optional<TypeRef> returns,
      boolean boxed,
      boolean allowOob,
      boolean coroutine,
      boolean successResponse,
      boolean allowPreconfig,
      boolean gen,
      List<Feature> features,
      Condition condition,
      Origin origin,
      String javaMethod) {
    this(name, data, returns, boxed, allowOob, coroutine, successResponse, allowPreconfig, gen, features,
        condition, origin, javaMethod, false);
  }

  @Override
  public String meta() {
    return "command";
  }
}
