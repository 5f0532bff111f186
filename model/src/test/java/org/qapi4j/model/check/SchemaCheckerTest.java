package org.qapi4j.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Feature;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/** The checks on schemas built in code: every message as QEMU words it, in definition order. */
class SchemaCheckerTest {
  private static final JavaType STRING = JavaType.of("java.lang", List.of("String"));

  private static Member member(String name, String type) {
    return new Member(name, TypeRef.named(type), false, List.of(), Condition.ALWAYS, Origin.NONE, "m", STRING);
  }

  private static StructDef struct(String name, Member... members) {
    return new StructDef(name, Optional.empty(), List.of(members), List.of(), Condition.ALWAYS,
        Origin.NONE, false, Optional.empty());
  }

  private static CommandDef command(String name, Optional<TypeRef> returns) {
    return new CommandDef(name, Optional.empty(), returns, CommandDef.Flag.defaults(),
        List.of(), Condition.ALWAYS, Origin.NONE, "m", Optional.empty());
  }

  private static List<String> check(Pragmas pragmas, Definition... definitions) {
    Schema schema = new Schema("test", List.of(definitions), pragmas, Origin.NONE, Optional.empty());
    return new SchemaChecker().check(schema).stream().map(d -> d.rule().id() + ": " + d.text()).toList();
  }

  private static List<String> check(Definition... definitions) {
    return check(Pragmas.NONE, definitions);
  }

  @Test
  void conditionSymbolsAreUpperCaseIdentifiers() {
    Member m =
        new Member("m", TypeRef.named("int"), true, List.of(),
            new Condition.Not(new Condition.Any(List.of(new Condition.Symbol("CONFIG_A"), new Condition.Symbol("b")))),
            Origin.NONE, "m", STRING);
    StructDef s =
        new StructDef("Foo", Optional.empty(), List.of(m),
            List.of(new Feature("f", new Condition.Symbol(""), Origin.NONE)),
            new Condition.All(List.of(new Condition.Symbol("A1_B"), new Condition.Symbol("1A"))), Origin.NONE, false,
            Optional.empty());
    assertEquals(
        List.of(
            "if-identifier: In struct 'Foo': 'if' condition '1A' of struct is not a valid identifier",
            "if-identifier: In struct 'Foo': 'if' condition '' of 'features' member 'f' is not a valid identifier",
            "if-identifier: In struct 'Foo': 'if' condition 'b' of 'data' member '*m' is not a valid identifier"),
        check(s));
  }

  @Test
  void typeNames() {
    assertEquals(
        List.of(
            "name-type-camel: In struct 'URL': name of struct must use CamelCase",
            "name-type-camel: In struct 'A': name of struct must use CamelCase",
            "name-type-list: In struct 'FooList': struct name should not end in 'List'",
            "name-invalid: In struct 'q_obj_x': struct has an invalid name"),
        check(struct("URL"), struct("A"), struct("FooList"), struct("q_obj_x"), struct("x-Foo2")));
  }

  @Test
  void memberNamesAndReservedNames() {
    assertEquals(
        List.of(
            "name-member: In struct 'Foo': name of 'data' member 'Arg' must not use uppercase or '_'",
            "member-reserved: In struct 'Foo': 'data' member 'has-a' uses reserved name",
            "member-reserved: In struct 'Foo': 'data' member 'u' uses reserved name",
            "name-invalid: In struct 'Foo': 'data' member '_oops' has an invalid name"),
        check(struct("Foo", member("Arg", "str"), member("has-a", "str"), member("u", "str"),
            member("_oops", "str"))));
  }

  @Test
  void memberNameExceptionsPermitUppercaseAndUnderscore() {
    Pragmas pragmas = new Pragmas(false, List.of(), List.of(), List.of("Foo"));
    assertEquals(
        List.of("clash-member: In struct 'Foo': member 'a_b' collides with member 'a-b'"),
        check(pragmas, struct("Foo", member("a-b", "str"), member("a_b", "str"), member("CamelCase", "int"))));
  }

  @Test
  void builtinsAndUnknownTypes() {
    assertEquals(
        List.of(
            "defn-duplicate-builtin: In command 'int': built-in type 'int' is already defined",
            "type-unknown: In struct 'Foo': member 'x' uses unknown type 'NoSuchType'"),
        check(command("int", Optional.empty()), struct("Foo", member("x", "NoSuchType"))));
  }

  @Test
  void returnsMustBeObjectsUnlessExcepted() {
    CommandDef returnsInt = command("get-count", Optional.of(TypeRef.named("int")));
    CommandDef returnsList = command("get-list", Optional.of(TypeRef.arrayOf(TypeRef.named("str"))));
    assertEquals(
        List.of(
            "cmd-returns-kind: In command 'get-count': command's 'returns' cannot take built-in type 'int'",
            "cmd-returns-kind: In command 'get-list': command's 'returns' cannot take array type ['str']"),
        check(returnsInt, returnsList));
    Pragmas excepted = new Pragmas(false, List.of(), List.of("get-count", "get-list"), List.of());
    assertEquals(List.of(), check(excepted, returnsInt, returnsList));
  }

  @Test
  void definitionsThatDifferOnlyInPunctuationClash() {
    List<String> found = check(command("a-b", Optional.empty()), command("a_b", Optional.empty()));
    // 'a_b' also breaks the command naming rule, and a naming error pre-empts the clash.
    assertEquals(
        List.of("name-command: In command 'a_b': name of command must not use uppercase or '_'"), found);
    Pragmas excepted = new Pragmas(false, List.of("a_b"), List.of(), List.of());
    assertEquals(
        List.of("defn-clash: In command 'a_b': 'a_b' clashes with command 'a-b': the names differ only in '-', '_' or '.'"),
        check(excepted, command("a-b", Optional.empty()), command("a_b", Optional.empty())));
  }

  @Test
  void specialFeaturesAreNotForTypes() {
    EnumDef e = new EnumDef("Color", List.of(new EnumValue("red", List.of(), Condition.ALWAYS, Origin.NONE, "RED")),
        Optional.empty(), List.of(new Feature("deprecated", Condition.ALWAYS, Origin.NONE)),
        Condition.ALWAYS, Origin.NONE, Optional.empty());
    assertEquals(
        List.of("feature-special-on-type: In enum 'Color': feature 'deprecated' is not supported for types"),
        check(e));
  }

  private static StructDef struct(String name, String base, Member... members) {
    return new StructDef(name, Optional.of(base), List.of(members), List.of(), Condition.ALWAYS,
        Origin.NONE, false, Optional.empty());
  }

  /** A command whose arguments are struct {@code data}'s members; declared one by one in Java if {@code parameters}. */
  private static CommandDef namedData(String name, String data, Optional<List<Member>> parameters) {
    return new CommandDef(name, Optional.of(data), Optional.empty(), CommandDef.Flag.defaults(),
        List.of(), Condition.ALWAYS, Origin.NONE, "m",
        Optional.of(new CommandDef.JavaSignature(STRING, Optional.empty(), List.of(), parameters)));
  }

  @Test
  void parametersDeclaringNamedDataAreItsMembersInOrder() {
    StructDef base = struct("Node", member("node", "str"));
    StructDef bitmap = struct("Bitmap", "Node", member("name", "str"));
    assertEquals(List.of(),
        check(base, bitmap, namedData("ok", "Bitmap", Optional.of(List.of(member("node", "str"), member("name", "str"))))));
    // Read from QAPI JSON: no parameters, nothing to hold against the members.
    assertEquals(List.of(), check(base, bitmap, namedData("json", "Bitmap", Optional.empty())));
    assertEquals(
        List.of(
            "data-parameters: In command 'bad': parameter 'name' has type 'int', but member 'name' of struct type"
                + " 'Bitmap' has type 'str'",
            "data-parameters: In command 'bad': member 'node' of struct type 'Bitmap' has no parameter; the"
                + " parameters declare its members, in order: node, name"),
        check(base, bitmap, namedData("bad", "Bitmap", Optional.of(List.of(member("name", "int"))))));
  }

  @Test
  void parametersOfAStructThatContainsItselfAreNotChecked() {
    StructDef loop = struct("Loop", "Loop", member("a", "str"));
    assertEquals(
        List.of("object-contains-itself: In struct 'Loop': object Loop contains itself"),
        check(loop, namedData("loop", "Loop", Optional.of(List.of(member("b", "str"))))));
  }
}
