package org.qapi4j.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A command (QAPI {@code 'command'}).
 *
 * @param data the name of the argument type: an implicit {@code q_obj_NAME-arg} struct for inline
 *     arguments, or a named struct or union; empty when the command takes no arguments
 * @param returns the type of the result; empty when the command returns {@code {}}
 * @param flags the flags it has ({@link Flag#defaults()} for a command that sets none)
 * @param javaMethod the interface method it is bound to
 * @param javaSignature where the method is and what it returns, for a schema written in Java (a
 *     client of the schema implements the interface)
 */
public record CommandDef(
    String name,
    Optional<String> data,
    Optional<TypeRef> returns,
    Set<Flag> flags,
    List<Feature> features,
    Condition condition,
    Origin origin,
    String javaMethod,
    Optional<JavaSignature> javaSignature)
    implements Definition {
  /**
   * A command's flags: QAPI's {@code boxed}, {@code allow-oob}, {@code coroutine},
   * {@code success-response}, {@code allow-preconfig} and {@code gen} (the attributes of
   * {@code @Command} of the same names in camel case), and {@link #ASYNC}, which is not QAPI. A
   * command has a flag when it is true: {@link #defaults()} are those of a command that sets none.
   */
  public enum Flag {
    BOXED("boxed", "boxed"),
    ALLOW_OOB("allow-oob", "allowOob"),
    COROUTINE("coroutine", "coroutine"),
    SUCCESS_RESPONSE("success-response", "successResponse"),
    ALLOW_PRECONFIG("allow-preconfig", "allowPreconfig"),
    GEN("gen", "gen"),
    /**
     * The method returns a {@code CompletionStage} of the result (not QAPI: QEMU never merged
     * asynchronous commands; invisible on the wire and in introspection).
     */
    ASYNC(null, null);

    private final String qapiName;
    private final String javaName;

    Flag(String qapiName, String javaName) {
      this.qapiName = qapiName;
      this.javaName = javaName;
    }

    /** Its key in a QAPI JSON command ({@code allow-oob}); null for {@link #ASYNC}. */
    public String qapiName() {
      return qapiName;
    }

    /** Its attribute of {@code @Command} ({@code allowOob}); null for {@link #ASYNC}. */
    public String javaName() {
      return javaName;
    }

    /** The flags of a command that sets none: {@code success-response} and {@code gen}. */
    public static Set<Flag> defaults() {
      return EnumSet.of(SUCCESS_RESPONSE, GEN);
    }

    /** The QAPI flags, in the order QEMU's documentation lists them (all but {@link #ASYNC}). */
    public static List<Flag> qapi() {
      return List.of(BOXED, ALLOW_OOB, COROUTINE, SUCCESS_RESPONSE, ALLOW_PRECONFIG, GEN);
    }
  }

  /**
   * The Java side of a command's method: the commands interface that declares it, its return type
   * as declared ({@code StatusInfo}, {@code List<BlockInfo>}, {@code long},
   * {@code CompletionStage<StatusInfo>}; empty for {@code void}), the schema's interfaces that
   * inherit it (the root, at least, where it is declared elsewhere), and, for arguments given as
   * a named struct's members one by one ({@code @Command(data = S.class)}), the method's
   * parameters, each as the member it declares: the checks hold them against {@code S}'s, the
   * generators bind them to those (empty for any other form).
   */
  public record JavaSignature(
      JavaType owner, Optional<JavaType> returns, List<JavaType> inheritedBy,
      Optional<List<Member>> dataParameters) {
    public JavaSignature {
      inheritedBy = List.copyOf(inheritedBy);
      dataParameters = dataParameters.map(List::copyOf);
    }

    /** A method whose arguments, if any, are not a named struct's members declared one by one. */
    public JavaSignature(JavaType owner, Optional<JavaType> returns, List<JavaType> inheritedBy) {
      this(owner, returns, inheritedBy, Optional.empty());
    }
  }

  public CommandDef {
    flags = flags.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Flag.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    features = List.copyOf(features);
  }

  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  public boolean boxed() {
    return has(Flag.BOXED);
  }

  public boolean allowOob() {
    return has(Flag.ALLOW_OOB);
  }

  public boolean coroutine() {
    return has(Flag.COROUTINE);
  }

  public boolean successResponse() {
    return has(Flag.SUCCESS_RESPONSE);
  }

  public boolean allowPreconfig() {
    return has(Flag.ALLOW_PRECONFIG);
  }

  public boolean gen() {
    return has(Flag.GEN);
  }

  /**
   * The method's parameters when its arguments are a named struct's members declared one by one
   * ({@link JavaSignature#dataParameters()}); empty otherwise.
   */
  public Optional<List<Member>> dataParameters() {
    return javaSignature.flatMap(JavaSignature::dataParameters);
  }

  /** See {@link Flag#ASYNC}. */
  public boolean async() {
    return has(Flag.ASYNC);
  }

  @Override
  public String meta() {
    return "command";
  }
}
