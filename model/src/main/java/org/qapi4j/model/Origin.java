package org.qapi4j.model;

/**
 * Where a part of the schema came from, opaque to the model: a Java element (processor front end)
 * or a file and line (QAPI JSON front end). Diagnostics carry it back to the front end, which
 * reports them there.
 */
public interface Origin {
  /**
   * The origin of one attribute of this definition ({@code "coroutine"} of a {@code @Command},
   * {@code "name"} of a {@code @Name}), where the front end can point at it; this origin otherwise.
   */
  default Origin attribute(String name) {
    return this;
  }

  /** An origin for definitions that come from nowhere in particular (built-ins, tests). */
  Origin NONE =
      new Origin() {
        @Override
        public String toString() {
          return "<none>";
        }
      };
}
