package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an optional member (QAPI's {@code '*name'}): a command or event parameter or a record
 * component that may be absent on the wire. Its Java type must be a reference type ({@code Long},
 * not {@code long}); absent is {@code null}, and a {@code null} member is left out of the output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Optional {}
