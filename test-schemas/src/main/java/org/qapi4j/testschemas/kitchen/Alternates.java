package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Type;
import org.qapi4j.runtime.QNull;
import org.qapi4j.testschemas.kitchen.Structs.EnumOne;
import org.qapi4j.testschemas.kitchen.Structs.TestStruct;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOne;

/** Alternates of every JSON type, after QEMU's {@code qapi-schema-test.json}. */
public interface Alternates {
  /** A union (object), an enum (string), an integer and null. */
  @Alternate
  sealed interface UserDefAlternate {
    record Udfu(Unions.UserDefFlatUnion value) implements UserDefAlternate {}

    record E(EnumOne value) implements UserDefAlternate {}

    record I(long value) implements UserDefAlternate {}

    record N(QNull value) implements UserDefAlternate {}
  }

  record WrapAlternate(UserDefAlternate alt) {}

  @Alternate
  sealed interface AltEnumBool {
    record E(EnumOne value) implements AltEnumBool {}

    record B(boolean value) implements AltEnumBool {}
  }

  @Alternate
  sealed interface AltEnumNum {
    record E(EnumOne value) implements AltEnumNum {}

    record N(double value) implements AltEnumNum {}
  }

  /** As AltEnumNum, the number first: the order of variants does not matter. */
  @Alternate
  sealed interface AltNumEnum {
    record N(double value) implements AltNumEnum {}

    record E(EnumOne value) implements AltNumEnum {}
  }

  @Alternate
  sealed interface AltEnumInt {
    record E(EnumOne value) implements AltEnumInt {}

    record I(long value) implements AltEnumInt {}
  }

  @Alternate
  sealed interface AltListInt {
    record L(List<Long> value) implements AltListInt {}

    record I(long value) implements AltListInt {}
  }

  /** A string beside an object. */
  @Alternate
  sealed interface AltStrObj {
    record S(String value) implements AltStrObj {}

    record O(TestStruct value) implements AltStrObj {}
  }

  /** Every JSON type side by side: object, string (an enum), number, boolean, null, array. */
  @Alternate
  sealed interface AltEveryType {
    record O(TestStruct value) implements AltEveryType {}

    record E(EnumOne value) implements AltEveryType {}

    record N(double value) implements AltEveryType {}

    record B(boolean value) implements AltEveryType {}

    record Z(QNull value) implements AltEveryType {}

    record L(List<UserDefOne> value) implements AltEveryType {}
  }

  /** Integer branches of a sized type, after QEMU's {@code StatsValue}. */
  @Alternate
  sealed interface StatsValue {
    record Scalar(@Type("uint64") long value) implements StatsValue {}

    @Name("boolean")
    record Flag(boolean value) implements StatsValue {}

    record List(@Type("uint64") java.util.List<Long> value) implements StatsValue {}
  }

  /** Every alternate, as optional members. */
  record AllAlternates(
      @Optional UserDefAlternate udfa,
      @Optional AltEnumBool enumBool,
      @Optional AltEnumNum enumNum,
      @Optional AltNumEnum numEnum,
      @Optional AltEnumInt enumInt,
      @Optional AltListInt listInt,
      @Optional AltStrObj strObj,
      @Optional AltEveryType every,
      @Optional List<AltEveryType> many,
      @Optional StatsValue stats) {}

  @Command(boxed = true)
  AllAlternates echoAlternates(AllAlternates all);

  @Command
  WrapAlternate echoWrapAlternate(UserDefAlternate alt);
}
