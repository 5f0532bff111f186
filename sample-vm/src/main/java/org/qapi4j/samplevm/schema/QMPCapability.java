package org.qapi4j.samplevm.schema;

/** The capabilities a client may enable with {@code qmp_capabilities}. */
public enum QMPCapability {
  OOB
}
