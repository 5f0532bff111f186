package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Type;
import org.qapi4j.annotations.Union;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.testschemas.kitchen.Structs.EnumOne;
import org.qapi4j.testschemas.kitchen.Structs.QEnumTwo;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefZero;

/** Unions with every kind of branch, after QEMU's {@code qapi-schema-test.json}. */
public interface Unions {
  /** Member names QEMU allows only under member-name-exceptions ({@code a_b}). */
  record UserDefA(@Name("boolean") boolean flag, @Name("a_b") @Optional Long aB) {}

  /** {@code aB} derives {@code a-b}: a different wire name from UserDefA's {@code a_b}. */
  record UserDefB(long intb, @Optional Boolean aB) {}

  record UserDefC(String string1, String string2) {}

  /** A base with a base of its own; {@code enum1} is the discriminator. */
  record UserDefUnionBase(@Base UserDefZero base, String string, EnumOne enum1) {}

  /** Three branches; {@code value4} has none. */
  @Union(discriminator = "enum1")
  sealed interface UserDefFlatUnion {
    record Value1(UserDefUnionBase base, Unions.UserDefC data) implements UserDefFlatUnion {}

    record Value2(UserDefUnionBase base, UserDefB data) implements UserDefFlatUnion {}

    record Value3(UserDefUnionBase base, UserDefA data) implements UserDefFlatUnion {}

    record Other(UserDefUnionBase base) implements UserDefFlatUnion {}
  }

  /** QEMU's inline base {@code {'*integer': 'int', 'string': 'str', 'enum1': 'QEnumTwo'}}, named. */
  record UserDefFlatUnion2Base(@Optional Long integer, String string, QEnumTwo enum1) {}

  /** A branch for every value: no record for values without one. */
  @Union(discriminator = "enum1")
  sealed interface UserDefFlatUnion2 {
    record Value1(UserDefFlatUnion2Base base, UserDefC data) implements UserDefFlatUnion2 {}

    record Value2(UserDefFlatUnion2Base base, UserDefB data) implements UserDefFlatUnion2 {}
  }

  enum BranchKind {
    PLAIN,
    BASED,
    EMPTY,
    WRAPPED,
    NESTED,
    NONE
  }

  record BranchKindsBase(BranchKind kind, @Optional String note) {}

  record WrapUnion(UserDefFlatUnion union) {}

  /** Every kind of branch side by side. */
  @Union(discriminator = "kind")
  sealed interface BranchKinds {
    /** A struct. */
    record Plain(BranchKindsBase base, UserDefC data) implements BranchKinds {}

    /** A struct with a base: its base's members, then its own, after the union's base. */
    record Based(BranchKindsBase base, UserDefOne data) implements BranchKinds {}

    /** An empty struct. */
    record Empty(BranchKindsBase base, Structs.Empty1 data) implements BranchKinds {}

    /** A struct holding an alternate. */
    record Wrapped(BranchKindsBase base, Alternates.WrapAlternate data) implements BranchKinds {}

    /** A struct holding a union. */
    record Nested(BranchKindsBase base, WrapUnion data) implements BranchKinds {}

    /** {@code none}: no branch. */
    record Other(BranchKindsBase base) implements BranchKinds {}
  }

  enum UserDefListUnionKind {
    INTEGER,
    S8,
    S16,
    S32,
    S64,
    U8,
    U16,
    U32,
    U64,
    NUMBER,
    BOOLEAN,
    STRING,
    SIZES,
    ANY,
    USER
  }

  enum Status {
    GOOD,
    BAD,
    UGLY
  }

  record ArrayOfInt(List<Long> data) {}

  record ArrayOfInt8(List<Byte> data) {}

  record ArrayOfInt16(List<Short> data) {}

  record ArrayOfInt32(List<Integer> data) {}

  record ArrayOfInt64(@Type("int64") List<Long> data) {}

  record ArrayOfUint8(@Type("uint8") List<Short> data) {}

  record ArrayOfUint16(@Type("uint16") List<Integer> data) {}

  record ArrayOfUint32(@Type("uint32") List<Long> data) {}

  record ArrayOfUint64(@Type("uint64") List<Long> data) {}

  record ArrayOfNumber(List<Double> data) {}

  record ArrayOfBool(List<Boolean> data) {}

  record ArrayOfStr(List<String> data) {}

  record ArrayOfSize(@Type("size") List<Long> data) {}

  record ArrayOfAny(List<JsonValue> data) {}

  record ArrayOfStatus(List<Status> data) {}

  record UserDefListUnionBase(UserDefListUnionKind type) {}

  /** A list of every built-in type, one per branch. */
  @Union(discriminator = "type")
  sealed interface UserDefListUnion {
    record Integer(UserDefListUnionBase base, ArrayOfInt data) implements UserDefListUnion {}

    record S8(UserDefListUnionBase base, ArrayOfInt8 data) implements UserDefListUnion {}

    record S16(UserDefListUnionBase base, ArrayOfInt16 data) implements UserDefListUnion {}

    record S32(UserDefListUnionBase base, ArrayOfInt32 data) implements UserDefListUnion {}

    record S64(UserDefListUnionBase base, ArrayOfInt64 data) implements UserDefListUnion {}

    record U8(UserDefListUnionBase base, ArrayOfUint8 data) implements UserDefListUnion {}

    record U16(UserDefListUnionBase base, ArrayOfUint16 data) implements UserDefListUnion {}

    record U32(UserDefListUnionBase base, ArrayOfUint32 data) implements UserDefListUnion {}

    record U64(UserDefListUnionBase base, ArrayOfUint64 data) implements UserDefListUnion {}

    record Number(UserDefListUnionBase base, ArrayOfNumber data) implements UserDefListUnion {}

    record Boolean(UserDefListUnionBase base, ArrayOfBool data) implements UserDefListUnion {}

    record String(UserDefListUnionBase base, ArrayOfStr data) implements UserDefListUnion {}

    record Sizes(UserDefListUnionBase base, ArrayOfSize data) implements UserDefListUnion {}

    record Any(UserDefListUnionBase base, ArrayOfAny data) implements UserDefListUnion {}

    record User(UserDefListUnionBase base, ArrayOfStatus data) implements UserDefListUnion {}
  }

  @Command(boxed = true)
  UserDefListUnion boxedUnion(UserDefListUnion arg);

  @Command(boxed = true)
  UserDefFlatUnion echoFlatUnion(UserDefFlatUnion arg);

  @Command(boxed = true)
  UserDefFlatUnion2 echoFlatUnion2(UserDefFlatUnion2 arg);

  @Command(boxed = true)
  BranchKinds echoBranchKinds(BranchKinds arg);
}
