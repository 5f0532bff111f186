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
 * @param javaSignature where the method is and what it returns, for a schema written in Java (a
 *     client of the schema implements the interface)
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
    boolean async,
    Optional<JavaSignature> javaSignature)
    implements Definition {
  /**
   * The Java side of a command's method: the commands interface that declares it, its return type
   * as declared ({@code StatusInfo}, {@code List<BlockInfo>}, {@code long},
   * {@code CompletionStage<StatusInfo>}; empty for {@code void}), and the schema's interfaces
   * that inherit it (the root, at least, where it is declared elsewhere).
   */
  public record JavaSignature(JavaType owner, Optional<JavaType> returns, List<JavaType> inheritedBy) {
    public JavaSignature {
      inheritedBy = List.copyOf(inheritedBy);
    }
  }

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
        condition, origin, javaMethod, false, Optional.empty());
  }

  @Override
  public String meta() {
    return "command";
  }
}
