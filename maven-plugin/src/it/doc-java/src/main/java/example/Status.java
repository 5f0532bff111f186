package example;

/**
 * The run status.
 *
 * @param running true if the VM runs
 */
public record Status(boolean running) {}
