package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Schema;

/**
 * The sample VM's QMP schema: QEMU 7.2's definitions of the commands it implements, module by
 * module as in QEMU's {@code qapi/} directory. {@code qmp_capabilities} and {@code query-commands}
 * are the runtime's own.
 */
@Schema(
    value = "sample-vm",
    events = {RunStateEvents.class, MachineEvents.class, MiscEvents.class, MigrationEvents.class, DumpEvents.class},
    commandNameExceptions = {"qmp_capabilities", "system_powerdown", "system_reset", "block_resize"})
public interface SampleVmSchema
    extends RunStateCommands,
        ControlCommands,
        IntrospectCommands,
        MachineCommands,
        MiscCommands,
        MigrationCommands,
        YankCommands,
        UiCommands,
        BlockCommands,
        DumpCommands {}
