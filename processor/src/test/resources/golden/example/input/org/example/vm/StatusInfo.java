package org.example.vm;

public record StatusInfo(boolean running, boolean singlestep, RunState status) {}
