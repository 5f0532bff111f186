package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a QAPI union on a sealed interface. Each permitted record is one variant: its first
 * component is the base (a record, the same for every variant), its second, if any, the branch.
 * The base member named {@link #discriminator()} (an enum) says which branch follows; on the wire
 * base and branch members are one flat object.
 *
 * <pre>{@code
 * record SocketAddressBase(SocketAddressType type) {}
 *
 * @Union(discriminator = "type")
 * sealed interface SocketAddress {
 *   record Inet(SocketAddressBase base, InetSocketAddress data) implements SocketAddress {}
 *   record Unix(SocketAddressBase base, UnixSocketAddress data) implements SocketAddress {}
 *   record Other(SocketAddressBase base) implements SocketAddress {}  // values without a branch
 * }
 * // {"type": "inet", "host": "localhost", "port": "4444"}
 * }</pre>
 *
 * <p>A variant's discriminator value is its record's name in kebab case ({@code Inet} is
 * {@code inet}) unless {@link Name} gives it. A variant with the base alone stands for every value
 * without a branch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Union {
  /** The wire name of the base member whose value selects the branch. */
  String discriminator();
}
