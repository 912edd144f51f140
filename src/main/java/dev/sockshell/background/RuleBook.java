package dev.sockshell.background;

import dev.sockshell.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session's rules, numbered in the order they were added. The foreground adds and removes them
 * ({@code on}, {@code off}); the loop reads them for every chunk that arrives, so the list is
 * copied on write and reading takes no lock.
 */
public final class RuleBook {
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private int next = 1;

  /** Adds a rule and returns it, with its number. */
  public Rule add(NetSocket socket, Rule.Trigger when, Rule.Action then, String text) {
    Rule rule = new Rule(next++, socket, when, then, text);
    rules.add(rule);
    return rule;
  }

  /** Removes rule {@code number}; returns it, or null if there is none. */
  public Rule remove(int number) {
    for (Rule r : rules) {
      if (r.number() == number) {
        rules.remove(r);
        return r;
      }
    }
    return null;
  }

  /** Every rule, in number order. */
  public List<Rule> all() {
    return List.copyOf(rules);
  }

  /** The rules of {@code socket}, in number order. */
  public List<Rule> of(NetSocket socket) {
    List<Rule> mine = new ArrayList<>();
    for (Rule r : rules) {
      if (r.socket() == socket) {
        mine.add(r);
      }
    }
    return mine;
  }

  /** Forgets every rule of {@code socket} (it closed, or stop ended its rules). */
  public void removeAll(NetSocket socket) {
    rules.removeIf(r -> r.socket() == socket);
  }

  /** Forgets every rule and starts numbering again ({@code /reset}). */
  public void clear() {
    rules.clear();
    next = 1;
  }

  /** A responder for a connection: its own rules, then those of the listener that accepted it. */
  Responder responderFor(NetSocket listener) {
    return new RuleResponder(this, listener);
  }

  List<Rule> rulesFor(NetSocket connection, NetSocket listener) {
    List<Rule> mine = new ArrayList<>();
    for (Rule r : rules) {
      if (r.socket() == connection || listener != null && r.socket() == listener) {
        mine.add(r);
      }
    }
    return mine;
  }
}
