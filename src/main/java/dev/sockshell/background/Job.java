package dev.sockshell.background;

import dev.sockshell.net.NetSocket;

/**
 * One piece of background work (a served socket, a relay, a connection with rules). Its methods run
 * on the loop's thread.
 */
interface Job {
  /** True if {@code socket} is part of this work. */
  boolean involves(NetSocket socket);

  /** Ends the work now ({@code stop}): returns what was stopped, as feedback says it. */
  String stop();

  /** One line for {@code /list}: what the work is and what it did so far. */
  String describe();

  /** What {@code socket} is doing for this work, for {@code /list}: "served", "relayed". */
  String role(NetSocket socket);
}
