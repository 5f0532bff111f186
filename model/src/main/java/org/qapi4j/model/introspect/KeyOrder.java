package org.qapi4j.model.introspect;

import java.util.List;

/**
 * The order in which a JSON object's members are printed, given the order they were added in.
 * QEMU prints an object in the order of its {@code QDict} hash table; the runtime implements that
 * order ({@code org.qapi4j.runtime.json.QDictOrder::of}), and the model, which depends on no
 * runtime, takes it as this parameter.
 */
@FunctionalInterface
public interface KeyOrder {
  /** Keeps the members in the order they were added (a reply that is not QEMU's byte for byte). */
  KeyOrder INSERTION = keys -> keys;

  /** The keys, given in insertion order, in printing order. */
  List<String> of(List<String> insertionOrder);
}
