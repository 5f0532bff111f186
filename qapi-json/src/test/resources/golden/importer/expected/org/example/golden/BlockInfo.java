package org.example.golden;

import org.qapi4j.annotations.Optional;

/**
 * A block device.
 *
 * @param device the device
 * @param choice the choice
 */
public record BlockInfo(
    String device,
    @Optional Choice choice
) {}
