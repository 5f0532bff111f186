package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Name;

/** The version of the emulator; {@code package} names the build (a Java keyword, hence @Name). */
public record VersionInfo(VersionTriple qemu, @Name("package") String pkg) {}
