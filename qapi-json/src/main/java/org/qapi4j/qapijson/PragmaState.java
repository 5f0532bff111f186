package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.List;
import org.qapi4j.model.Pragmas;

/** The pragmas of a schema and all it includes: one set, as QEMU shares it across files. */
final class PragmaState {
  boolean docRequired;
  List<String> commandNameExceptions = new ArrayList<>();
  List<String> commandReturnsExceptions = new ArrayList<>();
  List<String> memberNameExceptions = new ArrayList<>();

  Pragmas toModel() {
    return new Pragmas(docRequired, commandNameExceptions, commandReturnsExceptions, memberNameExceptions);
  }
}
