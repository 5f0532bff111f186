package org.example.golden;

import org.qapi4j.annotations.Schema;

/**
 * The QAPI schema {@code golden}, imported by qapi4j.
 */
@Schema(
    value = "golden",
    events = {
        GoldenEvents.class,
        BlockCoreEvents.class,
        MiscEvents.class
    },
    docRequired = true,
    commandNameExceptions = "device_add",
    commandReturnsExceptions = {
        "query-count",
        "query-anything",
        "query-counter"
    },
    memberNameExceptions = {
        "CaseEnum",
        "Legacy",
        "Shape",
        "ShapeBase"
    },
    types = {
        CaseEnum.class,
        Color.class,
        Undocumented.class,
        Legacy.class,
        String2.class,
        XExperimental.class
    },
    definitionOrder = {
        "query-sock",
        "device_add",
        "set-everything",
        "flags",
        "coroutine",
        "no-gen",
        "boxed-struct",
        "boxed-union",
        "named-data",
        "named-sock",
        "empty-data",
        "query-count",
        "query-counter",
        "query-anything",
        "query-socks",
        "default",
        "__org.qemu_query-vendor",
        "SOCK_READY",
        "STOP",
        "RTC_CHANGE",
        "VSERPORT_CHANGE",
        "BOXED_EVENT",
        "NAMED_EVENT",
        "__ORG.QEMU_EVENT",
        "query-block",
        "BLOCK_IO_ERROR",
        "query-jobs",
        "ping",
        "pong",
        "PONGED"
    }
)
public interface GoldenSchema extends GoldenCommands,
    BlockCoreCommands,
    BlockJobCommands,
    MiscCommands,
    MiscCommands2 {}
