package org.qapi4j.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.DocComment;
import org.qapi4j.model.doc.DocComment.Kind;
import org.qapi4j.model.doc.DocComment.Syntax;
import org.qapi4j.model.doc.DocComment.Tag;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * The doc comments against their definitions, in both syntaxes: each diagnostic with its rule,
 * where it is and its text, in the order reported.
 */
class DocRulesTest {
  private static final JavaType LONG = JavaType.of("java.lang", List.of("Long"));

  /** A place, named. */
  private record At(String name) implements Origin {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Member member(String name, String javaName, Feature... features) {
    return new Member(name, TypeRef.named("int"), false, List.of(features), Condition.ALWAYS,
        new At(name), javaName, LONG);
  }

  private static Feature feature(String name, String at) {
    return new Feature(name, Condition.ALWAYS, new At(at));
  }

  private static StructDef struct(String name, Member... members) {
    return new StructDef(name, Optional.empty(), List.of(members), List.of(), Condition.ALWAYS, new At(name),
        false, Optional.empty());
  }

  private static StructDef arguments(String owner, Member... members) {
    return new StructDef(StructDef.implicitArgumentsName(owner), Optional.empty(), List.of(members), List.of(),
        Condition.ALWAYS, new At(owner), true, Optional.empty());
  }

  private static CommandDef command(String name, Optional<String> data, List<Feature> features) {
    return new CommandDef(name, data, Optional.empty(), CommandDef.Flag.defaults(), features, Condition.ALWAYS,
        new At(name), "m", Optional.empty());
  }

  private static EnumDef enumeration(String name, String... values) {
    List<EnumValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(new EnumValue(v, List.of(), Condition.ALWAYS, new At(v), v.toUpperCase(java.util.Locale.ROOT)));
    }
    return new EnumDef(name, list, Optional.empty(), List.of(), Condition.ALWAYS, new At(name), Optional.empty());
  }

  private static Tag member(String name) {
    return new Tag(Kind.MEMBER, name);
  }

  private static Tag parameter(String name) {
    return new Tag(Kind.PARAMETER, name);
  }

  private static Tag feature(String name) {
    return new Tag(Kind.FEATURE, name);
  }

  private static Tag section(String tag) {
    return new Tag(Kind.SECTION, tag);
  }

  /** The documentation: pairs of a definition's name and its comment. */
  private static SchemaDoc doc(Object... pairs) {
    Map<String, DefinitionDoc> docs = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      docs.put(name, new DefinitionDoc(name, "", Map.of(), Map.of(), List.of(),
          Optional.of((DocComment) pairs[i + 1])));
    }
    return new SchemaDoc(List.of(), docs);
  }

  private static DocComment qapi(String at, Tag... tags) {
    return new DocComment(new At(at), Syntax.QAPI, List.of(tags));
  }

  private static DocComment javadoc(String at, Tag... tags) {
    return new DocComment(new At(at), Syntax.JAVADOC, List.of(tags));
  }

  private static List<String> check(Pragmas pragmas, SchemaDoc doc, Definition... definitions) {
    Schema schema = new Schema("test", List.of(definitions), pragmas, Origin.NONE, Optional.empty());
    return new SchemaChecker().check(schema, doc).stream()
        .map(d -> d.rule().id() + " at " + d.origin() + ": " + d.text())
        .toList();
  }

  private static List<String> check(SchemaDoc doc, Definition... definitions) {
    return check(Pragmas.NONE, doc, definitions);
  }

  @Test
  void qapiCommentsDocumentMembersValuesAndFeaturesByWireName() {
    StructDef s = struct("Foo", member("a-b", "aB"));
    EnumDef e = enumeration("Kind", "one", "two");
    assertEquals(List.of(),
        check(doc("Foo", qapi("##Foo", member("a-b")), "Kind", qapi("##Kind", member("one"), member("two"))), s, e));
    assertEquals(
        List.of(
            "doc-bogus-member at ##Foo: documented member 'aB' does not exist",
            "doc-bogus-member at ##Kind: documented members 'three', 'four' do not exist"),
        check(doc("Foo", qapi("##Foo", member("aB")), "Kind", qapi("##Kind", member("three"), member("four"))), s, e));
  }

  @Test
  void qapiFeaturesMustAllBeDocumentedAndExist() {
    StructDef args = arguments("go", member("a", "a", feature("member-feature", "go:a")));
    CommandDef go = command("go", Optional.of(args.name()), List.of(feature("own", "go:own")));
    // QEMU stops at the first feature it finds undocumented: the definition's own, then its members'.
    assertEquals(List.of("doc-undocumented-feature at go:own: In command 'go': feature 'own' lacks documentation"),
        check(doc("go", qapi("##go", member("bogus"))), args, go));
    assertEquals(
        List.of("doc-undocumented-feature at go:a: In command 'go': feature 'member-feature' lacks documentation"),
        check(doc("go", qapi("##go", feature("own"))), args, go));
    // Then the members that do not exist, and only without them the features.
    assertEquals(List.of("doc-bogus-member at ##go: documented member 'b' does not exist"),
        check(doc("go", qapi("##go", member("b"), feature("own"), feature("member-feature"), feature("x"))), args, go));
    assertEquals(List.of("doc-bogus-feature at ##go: documented features 'x', 'y' do not exist"),
        check(doc("go", qapi("##go", feature("own"), feature("x"), feature("member-feature"), feature("y"))), args,
            go));
  }

  @Test
  void javadocParamNamesParametersAndComponentsByJavaName() {
    StructDef args = arguments("go", member("node-name", "nodeName"));
    CommandDef go = command("go", Optional.of(args.name()), List.of(feature("undocumented", "go:f")));
    StructDef s = struct("Point", member("x", "x"));
    EnumDef e = enumeration("Kind", "one");
    // Features need no Javadoc; a parameter that is no member (a boxed argument) may be documented.
    assertEquals(List.of(),
        check(doc("go", javadoc("go()", member("nodeName")), "Point", javadoc("Point", member("x"), parameter("base"))),
            args, go, s));
    assertEquals(
        List.of(
            "doc-bogus-member at go(): documented member 'node-name' does not exist",
            "doc-bogus-member at Kind: documented member 'one' does not exist"),
        check(doc("go", javadoc("go()", member("node-name")), "Kind", javadoc("Kind", member("one"))), args, go, e));
  }

  @Test
  void javadocTagsTwiceAndReturnOutsideCommands() {
    StructDef args = arguments("go", member("a", "a"));
    CommandDef go = command("go", Optional.of(args.name()), List.of());
    EventDef stop = new EventDef("STOP", Optional.empty(), false, List.of(), Condition.ALWAYS, new At("STOP"),
        JavaType.of("p", List.of("Events")), "stop");
    assertEquals(
        List.of(
            "doc-duplicate-section at go(): 'a' parameter name duplicated",
            "doc-duplicate-section at go(): duplicated '@return' section",
            "doc-duplicate-section at go(): 'a' parameter name duplicated",
            "doc-duplicate-section at go(): duplicated '@since' section",
            "doc-duplicate-section at go(): 'box' parameter name duplicated",
            "doc-bogus-member at go(): documented members 'z', 'y' do not exist",
            "doc-returns-non-command at stop(): '@return' is only valid for commands"),
        check(
            doc(
                "go",
                javadoc("go()", member("a"), member("z"), member("a"), section("Returns"), section("Returns"),
                    member("a"), section("Returns"), section("Since"), section("Since"), member("y"),
                    parameter("box"), parameter("box")),
                "STOP", javadoc("stop()", section("Returns"))),
            args, go, stop));
  }

  @Test
  void qapiSpellsItsSectionsItsOwnWay() {
    StructDef s = struct("Foo");
    assertEquals(
        List.of(
            "doc-duplicate-section at ##Foo: duplicated 'Since' section",
            "doc-returns-non-command at ##Foo: 'Returns:' is only valid for commands"),
        check(doc("Foo", qapi("##Foo", section("Since"), section("Returns"), section("Note"), section("Note"),
            section("Since"))), s));
  }

  @Test
  void docRequiredWantsACommentOnEveryDefinitionButImplicitOnes() {
    StructDef args = arguments("go", member("a", "a"));
    CommandDef go = command("go", Optional.of(args.name()), List.of());
    StructDef s = struct("Foo");
    Pragmas required = new Pragmas(true, List.of(), List.of(), List.of());
    assertEquals(List.of("doc-required at go: In command 'go': documentation comment required"),
        check(required, doc("Foo", javadoc("Foo")), args, go, s));
    assertEquals(List.of(), check(doc("Foo", javadoc("Foo")), args, go, s));
  }

  @Test
  void docErrorsComeAfterTheDefinitionsErrorsInDefinitionOrder() {
    StructDef first = struct("First", member("a", "a"));
    StructDef second = struct("second", member("b", "b"));
    assertEquals(
        List.of(
            "name-type-camel at second: In struct 'second': name of struct must use CamelCase",
            "doc-bogus-member at ##First: documented member 'x' does not exist",
            "doc-bogus-member at ##second: documented member 'y' does not exist"),
        check(doc("second", qapi("##second", member("y")), "First", qapi("##First", member("x"))), first, second));
    // Without the documentation, the definitions' rules alone.
    assertEquals(List.of("name-type-camel at second: In struct 'second': name of struct must use CamelCase"),
        new SchemaChecker().check(new Schema("test", List.of(first, second), Pragmas.NONE, Origin.NONE,
            Optional.empty())).stream().map(d -> d.rule().id() + " at " + d.origin() + ": " + d.text()).toList());
  }
}
