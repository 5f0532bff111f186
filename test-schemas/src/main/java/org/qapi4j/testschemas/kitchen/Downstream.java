package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Union;

/**
 * Downstream extensions ({@code __RFQDN_} names) and names that are awkward elsewhere, after the
 * {@code __org.qemu_x-*} part of QEMU's {@code qapi-schema-test.json}; a union and alternates with
 * a single branch, and a union that contains itself.
 */
public interface Downstream {
  @Name("__org.qemu_x-Enum")
  enum OrgQemuXEnum {
    @Name("__org.qemu_x-value") VALUE
  }

  @Name("__org.qemu_x-Base")
  record OrgQemuXBase(@Name("__org.qemu_x-member1") OrgQemuXEnum member1) {}

  /** {@code wcharT} derives {@code wchar-t}, a C keyword once mangled. */
  @Name("__org.qemu_x-Struct")
  record OrgQemuXStruct(
      @Base OrgQemuXBase base, @Name("__org.qemu_x-member2") String member2, @Optional Long wcharT) {}

  /** A union with one branch, whose branch holds a list of the union itself. */
  @Name("__org.qemu_x-Union")
  @Union(discriminator = "__org.qemu_x-member1")
  sealed interface OrgQemuXUnion {
    @Name("__org.qemu_x-value")
    record Value(OrgQemuXBase base, OrgQemuXStruct2 data) implements OrgQemuXUnion {}
  }

  @Name("__org.qemu_x-Struct2")
  record OrgQemuXStruct2(List<OrgQemuXUnion> array) {}

  @Name("__org.qemu_x-Alt1")
  @Alternate
  sealed interface OrgQemuXAlt1 {
    @Name("__org.qemu_x-branch")
    record Branch(String value) implements OrgQemuXAlt1 {}
  }

  @Name("__org.qemu_x-Alt")
  @Alternate
  sealed interface OrgQemuXAlt {
    @Name("__org.qemu_x-branch")
    record Branch(OrgQemuXBase value) implements OrgQemuXAlt {}
  }

  @Command(name = "__org.qemu_x-command")
  OrgQemuXStruct orgQemuXCommand(
      List<OrgQemuXEnum> a, List<OrgQemuXStruct> b, OrgQemuXUnion c, OrgQemuXAlt d, @Optional OrgQemuXAlt1 e);

  /** The downstream event. */
  interface Events {
    @Event(name = "__ORG.QEMU_X-EVENT", boxed = true)
    void orgQemuXEvent(OrgQemuXStruct data);
  }
}
