package org.qapi4j.model;

/**
 * A branch of a union (its discriminator value and struct type) or of an alternate (its type).
 *
 * @param name the union's discriminator value; for an alternate, the branch's name
 * @param type the branch's type
 * @param javaType the record that holds the branch
 * @param javaValue the record component that holds the branch's value
 */
public record Variant(
    String name, TypeRef type, Condition condition, Origin origin, JavaType javaType, String javaValue) {}
