package org.qapi4j.processor.gen;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * Which types the generated code reads, and which it writes. A QMP server reads the arguments of
 * commands and what they contain, and writes what commands return and events carry; a client the
 * other way round. The {@code _Marshal} class has a reader and a writer for the types of the sides
 * generated ({@link Side}), and nothing for a type no command or event uses. In QEMU's schema few
 * types go both ways for one side (36 of some 690), so generating one side halves the marshalling
 * code, which is most of what javac compiles for a schema.
 *
 * <p>{@link #all()} reads and writes every type: for tests that send values of every type through
 * both ({@code -Aqapi4j.marshal=all}).
 */
public final class Directions {
  /** The processor option that asks for a reader and a writer for every type. */
  public static final String OPTION = "qapi4j.marshal";

  /** The processor option that says which sides to generate: {@code server}, {@code client} or {@code both}. */
  public static final String SIDE_OPTION = "qapi4j.side";

  /** What the processor generates for a schema. */
  public enum Side {
    /** The dispatch table, the emitters, the introspection. */
    SERVER,
    /** The clients of the commands interfaces and the listeners of the events interfaces. */
    CLIENT,
    /** Both (the default). */
    BOTH;

    public boolean server() {
      return this != CLIENT;
    }

    public boolean client() {
      return this != SERVER;
    }

    /** The option's value; null for an unknown one. */
    public static Side of(String option) {
      return option == null ? BOTH : switch (option) {
        case "server" -> SERVER;
        case "client" -> CLIENT;
        case "both" -> BOTH;
        default -> null;
      };
    }
  }

  private final Set<String> read;
  private final Set<String> written;

  private Directions(Set<String> read, Set<String> written) {
    this.read = read;
    this.written = written;
  }

  /** Every type both ways. */
  public static Directions all() {
    return new Directions(null, null);
  }

  /** The option's value: {@code all} for {@link #all()}; else null or {@code used}. */
  public static boolean isAll(String option) {
    return "all".equals(option);
  }

  /** True for the option's two values, {@code used} and {@code all}. */
  public static boolean isValid(String option) {
    return isAll(option) || "used".equals(option);
  }

  /**
   * The types the schema's commands and events use, by QAPI name ({@code XList} for an array of
   * {@code X}): from command arguments for reading, from returns and event data for writing, and in
   * both cases every type these contain (members, bases, branches, array elements), whatever the
   * configuration.
   */
  public static Directions used(Schema schema) {
    return used(schema, Side.SERVER);
  }

  /** {@link #used(Schema)} for the sides generated: a client reads what a server writes, and writes what it reads. */
  public static Directions used(Schema schema, Side side) {
    Map<String, Definition> byName = schema.byName();
    Set<String> taken = new HashSet<>(); // commands' arguments
    Set<String> given = new HashSet<>(); // commands' results, events' data
    for (Definition d : schema.definitions()) {
      if (d instanceof CommandDef c) {
        c.data().ifPresent(data -> arguments(byName, data, c.boxed(), taken));
        c.returns().ifPresent(returns -> visit(byName, returns, given));
      } else if (d instanceof EventDef e) {
        e.data().ifPresent(data -> arguments(byName, data, e.boxed(), given));
      }
    }
    Set<String> read = new HashSet<>();
    Set<String> written = new HashSet<>();
    if (side.server()) {
      read.addAll(taken);
      written.addAll(given);
    }
    if (side.client()) {
      read.addAll(given);
      written.addAll(taken);
    }
    return new Directions(read, written);
  }

  /**
   * The types of a command's arguments or an event's data: the type passed whole when boxed, else
   * what the members taken one by one contain. Those of a named struct ({@code data = S.class})
   * go through a table of their own, as inline members do, not through {@code S}'s reader or
   * writer.
   */
  private static void arguments(Map<String, Definition> byName, String data, boolean boxed, Set<String> into) {
    if (boxed || !(byName.get(data) instanceof StructDef s)) {
      visit(byName, TypeRef.named(data), into);
      return;
    }
    Set<String> seen = new HashSet<>();
    for (StructDef t = s; t != null && seen.add(t.name()); ) {
      for (Member m : t.members()) {
        visit(byName, m.type(), into);
      }
      t = t.base().map(byName::get).orElse(null) instanceof StructDef base ? base : null;
    }
  }

  private static void visit(Map<String, Definition> byName, TypeRef type, Set<String> into) {
    if (!into.add(type.qapiName())) {
      return;
    }
    if (type instanceof TypeRef.Array a) {
      visit(byName, a.element(), into);
      return;
    }
    Definition d = byName.get(type.qapiName());
    if (d instanceof StructDef s) {
      s.base().ifPresent(base -> visit(byName, TypeRef.named(base), into));
      for (Member m : s.members()) {
        visit(byName, m.type(), into);
      }
    } else if (d instanceof UnionDef u) {
      visit(byName, TypeRef.named(u.base()), into);
      for (Variant v : u.variants()) {
        visit(byName, v.type(), into);
      }
    } else if (d instanceof AlternateDef a) {
      for (Variant v : a.variants()) {
        visit(byName, v.type(), into);
      }
    }
  }

  /** True if the generated code reads values of this type (by QAPI name). */
  public boolean reads(String qapiName) {
    return read == null || read.contains(qapiName);
  }

  /** True if the generated code writes values of this type (by QAPI name). */
  public boolean writes(String qapiName) {
    return written == null || written.contains(qapiName);
  }
}
