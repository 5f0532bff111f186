package org.qapi4j.samplevm.schema;

/** The run status of the virtual CPUs. */
public record StatusInfo(boolean running, boolean singlestep, RunState status) {}
