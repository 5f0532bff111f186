package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a member the QAPI built-in integer type its Java type does not say: the unsigned types and
 * {@code size}, or {@code int64} rather than {@code int}. The Java type must hold every value of
 * the QAPI type:
 *
 * <table>
 *   <caption>QAPI integer types and the Java types that carry them</caption>
 *   <tr><th>QAPI</th><th>range</th><th>Java</th></tr>
 *   <tr><td>{@code uint8}</td><td>0..255</td><td>{@code short}, {@code int}, {@code long} (or boxes)</td></tr>
 *   <tr><td>{@code uint16}</td><td>0..65535</td><td>{@code int}, {@code long}</td></tr>
 *   <tr><td>{@code uint32}</td><td>0..2^32-1</td><td>{@code long}</td></tr>
 *   <tr><td>{@code uint64}, {@code size}</td><td>0..2^64-1</td><td>{@code long}, read as unsigned
 *       ({@link Long#toUnsignedString(long)})</td></tr>
 *   <tr><td>{@code int8}, {@code int16}, {@code int32}, {@code int64}, {@code int}</td><td>signed</td>
 *       <td>{@code byte}, {@code short}, {@code int}, {@code long} or wider</td></tr>
 * </table>
 *
 * <p>Out-of-range input is refused with QEMU's text, {@code Parameter 'NAME' expects uint8_t}.
 * On a {@code List<Long>} member the type is the elements'. On a command's method it is the
 * result's type ({@code @Type("uint64") long queryCounter();}, a command QEMU allows to return a
 * built-in type by the {@code command-returns-exceptions} pragma).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Type {
  /** The QAPI built-in type: {@code uint8}, {@code uint16}, {@code uint32}, {@code uint64}, {@code size}, ... */
  String value();
}
