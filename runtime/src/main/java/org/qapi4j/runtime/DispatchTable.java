package org.qapi4j.runtime;

import java.util.List;

/**
 * The commands of one schema, bound to their handlers. The processor generates one implementation
 * per schema root ({@code <Root>_Dispatch}); applications hand it to {@link QmpServer}.
 */
public interface DispatchTable {
  /** The schema's name, from {@code @Schema}. */
  String schemaName();

  /** The commands in schema order. */
  List<QmpCommand> commands();
}
