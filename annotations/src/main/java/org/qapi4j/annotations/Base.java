package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the first component of a record as the struct's QAPI {@code base}: its type is another
 * record, whose members come first on the wire, flattened into the object.
 *
 * <pre>{@code
 * record BlockdevOptionsBase(String driver, @Optional String nodeName) {}
 * record BlockdevOptionsFile(@Base BlockdevOptionsBase base, String filename) {}
 * // {'struct': 'BlockdevOptionsFile', 'base': 'BlockdevOptionsBase', 'data': {'filename': 'str'}}
 * // on the wire: {"driver": "file", "filename": "/tmp/x"}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Base {}
