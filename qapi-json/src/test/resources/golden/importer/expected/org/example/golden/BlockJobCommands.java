package org.example.golden;

import java.util.List;
import org.qapi4j.annotations.Command;

/**
 * The commands of QAPI module {@code sub/block-job.json}.
 */
public interface BlockJobCommands {
  /**
   * <p>Returns: the status of every job
   */
  @Command
  List<JobInfo> queryJobs();
}
