package org.qapi4j.runtime;

import java.util.List;

/**
 * The commands of one schema, bound to their handlers. The processor generates one implementation
 * per schema root ({@code <Root>_Dispatch}); applications hand it to {@link org.qapi4j.runtime.server.QmpServer}.
 */
public interface DispatchTable {
  /** The schema's name, from {@code @Schema}. */
  String schemaName();

  /** The commands in schema order. */
  List<QmpCommand> commands();

  /**
   * The schema's {@code query-qmp-schema} reply (the JSON list, as QEMU prints it), or null if the
   * table has none. Generated tables load it from the resource the processor wrote.
   */
  default byte[] introspection() {
    return null;
  }

  /** Reads a resource beside {@code owner}, whole; for generated tables. */
  static byte[] resource(Class<?> owner, String name) {
    try (java.io.InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing beside " + owner.getName());
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
