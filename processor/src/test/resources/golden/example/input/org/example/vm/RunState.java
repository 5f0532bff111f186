package org.example.vm;

public enum RunState { DEBUG, PAUSED, PRELAUNCH, RUNNING, SHUTDOWN }
