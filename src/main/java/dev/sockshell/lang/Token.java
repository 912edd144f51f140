package dev.sockshell.lang;

/** One argument as typed: its text and where it sits in the line (end exclusive). */
public record Token(String text, int start, int end) {}
