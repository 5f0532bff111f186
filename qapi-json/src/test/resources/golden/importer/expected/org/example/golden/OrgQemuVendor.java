package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * A vendor's type.
 *
 * @param b a member
 */
@Name("__org.qemu_Vendor")
public record OrgQemuVendor(
    boolean b
) {}
