/**
 * <b>Mostly the runtime's own</b>: QEMU's JSON lexer and parser, QEMU's printer
 * ({@link org.qapi4j.runtime.json.QmpJson}) and QEMU's member orders
 * ({@link org.qapi4j.runtime.json.QDictOrder}, {@link org.qapi4j.runtime.json.GHashOrder}).
 * {@link org.qapi4j.runtime.json.JsonValue}, a schema's {@code any} and the untyped client's
 * values, is API. The bottom layer of the runtime: it uses no other package of it.
 */
package org.qapi4j.runtime.json;
