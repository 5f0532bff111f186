package org.example.golden;

/**
 * @param status the status
 */
public record JobInfo(
    JobStatus status
) {}
