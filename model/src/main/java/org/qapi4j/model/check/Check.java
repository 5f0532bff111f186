package org.qapi4j.model.check;

import org.qapi4j.model.Schema;

/** One family of QAPI rules. */
interface Check {
  void check(Schema schema, Reporter reporter);
}
