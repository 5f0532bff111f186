package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * Member names QAPI allows only by pragma.
 *
 * @param nodeName an underscore
 * @param upper upper case
 */
public record Legacy(
    @Name("node_name") String nodeName,
    @Name("Upper") long upper
) {}
