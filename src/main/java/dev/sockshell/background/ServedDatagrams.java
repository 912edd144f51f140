package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.EventLoop;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;

/**
 * A bound datagram socket served in the background: every datagram is answered to its sender
 * (echoed, the fixed reply, or what the first matching rule sends; each datagram is matched alone).
 * When the kernel has no room for a reply, the socket stops reading until it has: one reply waits,
 * never more. With {@code --max N} it ends after N datagrams.
 */
final class ServedDatagrams implements EventLoop.Handler, Job {
  /** Datagrams handled per wake-up at most. */
  private static final int PER_WAKE = 64;

  private final Jobs jobs;
  private final DatagramSocket socket;
  private final Jobs.Mode mode;
  private final ByteString reply;
  private final String how;
  private final Integer max;

  private EventLoop.Registration registration;
  private ByteBuffer waitingReply;
  private SockAddress waitingTo;
  private int served;
  private boolean ended;

  ServedDatagrams(
      Jobs jobs, DatagramSocket socket, Jobs.Mode mode, ByteString reply, String how, Integer max) {
    this.jobs = jobs;
    this.socket = socket;
    this.mode = mode;
    this.reply = reply;
    this.how = how;
    this.max = max;
  }

  @Override
  public void ready(EventLoop.Registration r) {
    registration = r;
    try {
      if (waitingReply != null && socket.sendNow(waitingReply, waitingTo)) {
        waitingReply = null;
      }
      ByteBuffer buffer = jobs.scratch();
      for (int i = 0; i < PER_WAKE && waitingReply == null && !maxReached(); i++) {
        buffer.clear();
        SockAddress from = socket.receiveNow(buffer);
        if (from == null) {
          break;
        }
        served++;
        answer(buffer.flip(), from);
      }
    } catch (SocketError e) {
      // A UDP socket's error (ECONNREFUSED from an earlier reply to a closed port) is the
      // sender's business, not the server's: tell it and go on.
      jobs.emit(new BackgroundEvent.Failed(socket.name(), e.toString()));
    }
    if (maxReached() && waitingReply == null) {
      end();
    } else {
      r.interest(waitingReply == null, waitingReply != null);
    }
  }

  private void answer(ByteBuffer datagram, SockAddress from) throws SocketError {
    ByteBuffer answer;
    String why;
    switch (mode) {
      case ECHO -> {
        answer = datagram;
        why = "echo";
      }
      case REPLY -> {
        answer = reply.asByteBuffer();
        why = "--reply";
      }
      default -> {
        Rule rule = null;
        Matcher groups = null;
        ByteString bytes = ByteString.read(datagram);
        for (Rule r : jobs.rules().of(socket)) {
          groups = null;
          if (r.when() instanceof Rule.Trigger.Any) {
            rule = r;
          } else if (r.when() instanceof Rule.Trigger.Contains c
              && bytes.indexOf(c.data(), 0) >= 0) {
            rule = r;
          } else if (r.when() instanceof Rule.Trigger.Matches m) {
            Matcher matcher = m.regex().matcher(RuleResponder.decode(bytes, m.encoding()));
            if (matcher.find()) {
              rule = r;
              groups = matcher;
            }
          }
          if (rule != null) {
            break;
          }
        }
        if (rule == null || !(rule.then() instanceof Rule.Action.Send send)) {
          return;
        }
        rule.fire();
        Rule.Trigger.Matches matched = rule.when() instanceof Rule.Trigger.Matches m ? m : null;
        answer =
            RuleResponder.expand(send.reply(), groups, matched == null ? null : matched.encoding())
                .asByteBuffer();
        why = "rule " + rule.number();
      }
    }
    if (jobs.events().recording()) {
      int size = answer.remaining();
      ByteBuffer start = answer.duplicate();
      ByteString preview =
          ByteString.read(start.limit(start.position() + Math.min(size, Events.PREVIEW)));
      jobs.emit(new BackgroundEvent.Replied(socket.name(), preview, size, from, why));
    }
    if (!socket.sendNow(answer, from)) {
      waitingReply = ByteBuffer.allocate(answer.remaining()).put(answer).flip();
      waitingTo = from;
    }
  }

  private boolean maxReached() {
    return max != null && served >= max;
  }

  private void end() {
    if (!ended) {
      ended = true;
      registration.release();
      jobs.forgetHandler(socket);
      jobs.ended(
          this,
          new BackgroundEvent.Ended(
              socket.name(),
              Text.get(
                  "background.served.ended",
                  socket.name(),
                  Jobs.count(served, "datagram"),
                  maxReached() ? " (--max " + max + ")" : "")));
    }
  }

  @Override
  public void detaching(EventLoop.Registration r) {
    // Datagrams stay in the kernel until read: nothing is held here.
  }

  @Override
  public boolean involves(NetSocket s) {
    return s == socket;
  }

  @Override
  public String stop() {
    ended = true;
    if (registration != null && registration.isAttached()) {
      registration.release();
    }
    jobs.forgetHandler(socket);
    return Text.get("background.unserved.datagrams", socket.name(), Jobs.count(served, "datagram"));
  }

  @Override
  public String describe() {
    return Text.get(
        ended ? "background.describe.datagrams.served" : "background.describe.datagrams.serves",
        socket.name(),
        how + (max != null ? " --max " + max : ""),
        Jobs.count(served, "datagram"),
        socket.bytesReceived(),
        socket.bytesSent());
  }

  @Override
  public String role(NetSocket s) {
    return Text.get("role.serving", how);
  }
}
