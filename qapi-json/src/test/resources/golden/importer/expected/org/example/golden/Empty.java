package org.example.golden;

/**
 * No members.
 */
public record Empty() {}
