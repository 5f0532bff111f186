package org.qapi4j.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what a logger says, for as long as the test runs (try-with-resources). */
public final class CapturedLog extends Handler implements AutoCloseable {
  public final List<LogRecord> records = new CopyOnWriteArrayList<>();
  /** Counted down at the first record. */
  public final CountDownLatch first = new CountDownLatch(1);
  private final Logger logger;

  public CapturedLog(String name) {
    logger = Logger.getLogger(name);
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord r) {
    records.add(r);
    first.countDown();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
