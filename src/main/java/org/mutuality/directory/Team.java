package org.mutuality.directory;

/** A team within a program. */
public record Team(TeamId id, ProgramId programId, String name) {}
