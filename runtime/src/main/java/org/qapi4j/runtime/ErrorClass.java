package org.qapi4j.runtime;

/** The error classes of QMP error replies, QEMU's {@code QapiErrorClass}. */
public enum ErrorClass {
  GenericError,
  CommandNotFound,
  DeviceNotActive,
  DeviceNotFound,
  KVMMissingCap
}
