/**
 * <b>For generated code, not for users.</b> What the processor's {@code _Marshal},
 * {@code _Dispatch} and client classes call to read and write values, with QEMU's error texts.
 * Public because generated code sits in the user's packages; it changes with the processor (use
 * the processor and the runtime of one version).
 */
package org.qapi4j.runtime.marshal;
