package org.example.golden;

/**
 * JobStatus.
 */
public enum JobStatus {
  /**
   * running
   */
  RUNNING,

  /**
   * done
   */
  DONE
}
