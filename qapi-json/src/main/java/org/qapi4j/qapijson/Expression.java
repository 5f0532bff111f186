package org.qapi4j.qapijson;

import java.util.Map;

/**
 * One top-level expression of a schema as parsed: a JSON object whose values are {@code String},
 * {@code Boolean}, {@code List<Object>} or {@code Map<String, Object>} (keys in source order), its
 * position, and the doc comment just before it, if any.
 */
public record Expression(Map<String, Object> body, SourceInfo info, QapiDoc doc) {
  /** This expression, located inside its definition (for the {@code In command 'x':} line). */
  Expression located(String meta, String name) {
    return new Expression(body, info.inDefinition(meta, name), doc);
  }
}
