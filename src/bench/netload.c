/*
 * netload: a neutral load generator for the background rows of src/bench/run.sh. A load client
 * that is itself slow hides the server's speed (DESIGN.md), so this is one epoll loop in C.
 *
 *   netload rtt PORT CLIENTS ROUNDS SIZE   CLIENTS connections at once, each doing ROUNDS
 *                                          request/response round trips of SIZE bytes
 *   netload cps PORT CONCURRENCY TOTAL     TOTAL short connections, CONCURRENCY at a time: each
 *                                          connects, sends one line, reads it back, closes
 *   netload hold PORT CLIENTS              CLIENTS connections at once, each sends one line and
 *                                          reads it back; prints "answered N" and keeps them open
 *                                          until stdin closes
 *   netload source PORT BYTES              sends BYTES, then SHUT_WR, then reads until EOF
 *   netload sink                           listens on an ephemeral port (printed first), reads
 *                                          one connection until EOF, prints "received N S s"
 *   netload echo                           an echo server on an ephemeral port (printed first):
 *                                          one epoll loop, a read and a write per chunk, until
 *                                          killed. The floor of the echo row: what any server
 *                                          costs on this kernel, with nothing of its own
 *
 * Every result line is "KEY VALUE ..." on stdout; errors go to stderr with exit status 1.
 * Loopback only (127.0.0.1).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what) {
  perror(what);
  exit(1);
}

static struct sockaddr_in loopback(int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* A non-blocking connection started to 127.0.0.1:PORT (the connect finishes later). */
static int start_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) die("socket");
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in a = loopback(port);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0 && errno != EINPROGRESS) die("connect");
  return fd;
}

static int blocking_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) die("socket");
  struct sockaddr_in a = loopback(port);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
  return fd;
}

/* One client of rtt, cps or hold: what it sent and how much of the answer came back. */
struct client {
  int fd;
  int rounds;
  int got;
};

static int epoll_or_die(void) {
  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  return ep;
}

static void watch(int ep, int op, struct client *c, unsigned events) {
  struct epoll_event e = {.events = events, .data.ptr = c};
  if (epoll_ctl(ep, op, c->fd, &e) < 0) die("epoll_ctl");
}

/* Reads what is there into the client's count; returns 0 at EOF or error, else 1. */
static int drain(struct client *c, char *buf, int size) {
  for (;;) {
    ssize_t n = read(c->fd, buf, size);
    if (n > 0) {
      c->got += n;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 1;
    return 0;
  }
}

static int rtt(int port, int clients, int rounds, int size) {
  int ep = epoll_or_die();
  struct client *cs = calloc(clients, sizeof *cs);
  char *msg = malloc(size), buf[65536];
  memset(msg, 'x', size);
  for (int i = 0; i < clients; i++) {
    cs[i].fd = start_connect(port);
    watch(ep, EPOLL_CTL_ADD, &cs[i], EPOLLOUT);
  }
  double start = now();
  long trips = 0;
  int done = 0;
  struct epoll_event events[256];
  while (done < clients) {
    int n = epoll_wait(ep, events, 256, 10000);
    if (n <= 0) {
      fprintf(stderr, "rtt: no progress for 10 s (%d of %d clients done)\n", done, clients);
      return 1;
    }
    for (int i = 0; i < n; i++) {
      struct client *c = events[i].data.ptr;
      if (events[i].events & EPOLLOUT) { /* connected: the first request */
        if (write(c->fd, msg, size) != size) die("write");
        watch(ep, EPOLL_CTL_MOD, c, EPOLLIN);
        continue;
      }
      if (!drain(c, buf, sizeof buf)) {
        fprintf(stderr, "rtt: the server closed a connection early\n");
        return 1;
      }
      if (c->got < size) continue;
      c->got -= size;
      trips++;
      if (++c->rounds == rounds) {
        close(c->fd);
        done++;
      } else if (write(c->fd, msg, size) != size) {
        die("write");
      }
    }
  }
  double secs = now() - start;
  printf("round_trips %ld seconds %.3f per_second %.0f\n", trips, secs, trips / secs);
  return 0;
}

static int cps(int port, int concurrency, int total) {
  int ep = epoll_or_die();
  struct client *cs = calloc(concurrency, sizeof *cs);
  const char line[] = "hello\n";
  char buf[256];
  int started = 0, finished = 0;
  double start = now();
  for (int i = 0; i < concurrency && started < total; i++, started++) {
    cs[i].fd = start_connect(port);
    cs[i].got = 0;
    watch(ep, EPOLL_CTL_ADD, &cs[i], EPOLLOUT);
  }
  struct epoll_event events[256];
  while (finished < total) {
    /* 60 s, not 10: ncat listens with a backlog of 10, and a handshake the kernel dropped when it
       overflowed waits for the client's retransmissions, which back off for seconds. */
    int n = epoll_wait(ep, events, 256, 60000);
    if (n <= 0) {
      fprintf(stderr, "cps: no progress for 60 s (%d of %d done)\n", finished, total);
      return 1;
    }
    for (int i = 0; i < n; i++) {
      struct client *c = events[i].data.ptr;
      if (events[i].events & EPOLLOUT) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) {
          errno = err;
          die("cps connect");
        }
        if (write(c->fd, line, sizeof line - 1) != sizeof line - 1) die("write");
        watch(ep, EPOLL_CTL_MOD, c, EPOLLIN);
        continue;
      }
      int open = drain(c, buf, sizeof buf);
      if (c->got < (int)sizeof line - 1 && open) continue;
      if (c->got < (int)sizeof line - 1) {
        fprintf(stderr, "cps: a connection closed before its answer\n");
        return 1;
      }
      close(c->fd); /* closing removes it from the epoll set */
      finished++;
      if (started < total) {
        started++;
        c->fd = start_connect(port);
        c->got = 0;
        watch(ep, EPOLL_CTL_ADD, c, EPOLLOUT);
      }
    }
  }
  double secs = now() - start;
  printf("connections %d seconds %.3f per_second %.0f\n", total, secs, total / secs);
  return 0;
}

static int hold(int port, int clients) {
  int ep = epoll_or_die();
  struct client *cs = calloc(clients, sizeof *cs);
  const char line[] = "still here\n";
  char buf[256];
  for (int i = 0; i < clients; i++) {
    cs[i].fd = start_connect(port);
    watch(ep, EPOLL_CTL_ADD, &cs[i], EPOLLOUT);
  }
  int answered = 0;
  struct epoll_event events[256];
  while (answered < clients) {
    int n = epoll_wait(ep, events, 256, 20000);
    if (n <= 0) break;
    for (int i = 0; i < n; i++) {
      struct client *c = events[i].data.ptr;
      if (events[i].events & EPOLLOUT) {
        if (write(c->fd, line, sizeof line - 1) != sizeof line - 1) die("write");
        watch(ep, EPOLL_CTL_MOD, c, EPOLLIN);
        continue;
      }
      int open = drain(c, buf, sizeof buf);
      if (c->got >= (int)sizeof line - 1 || !open) {
        answered += c->got == (int)sizeof line - 1;
        watch(ep, EPOLL_CTL_DEL, c, 0);
      }
    }
  }
  printf("answered %d of %d\n", answered, clients);
  fflush(stdout);
  while (read(0, buf, sizeof buf) > 0) {
  }
  for (int i = 0; i < clients; i++) close(cs[i].fd);
  return answered == clients ? 0 : 1;
}

static int source(int port, long bytes) {
  int fd = blocking_connect(port);
  static char chunk[1 << 17];
  memset(chunk, 'r', sizeof chunk);
  double start = now();
  for (long left = bytes; left > 0;) {
    ssize_t n = write(fd, chunk, left < (long)sizeof chunk ? left : (long)sizeof chunk);
    if (n < 0) die("source write");
    left -= n;
  }
  shutdown(fd, SHUT_WR);
  char buf[4096];
  while (read(fd, buf, sizeof buf) > 0) {
  }
  printf("sent %ld seconds %.3f\n", bytes, now() - start);
  return 0;
}

static int sink(void) {
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = loopback(0);
  socklen_t len = sizeof a;
  if (bind(srv, (struct sockaddr *)&a, sizeof a) < 0 || listen(srv, 1) < 0) die("listen");
  getsockname(srv, (struct sockaddr *)&a, &len);
  printf("port %d\n", ntohs(a.sin_port));
  fflush(stdout);
  int fd = accept(srv, NULL, NULL);
  if (fd < 0) die("accept");
  static char buf[1 << 17];
  long total = 0;
  double start = now();
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    total += n;
  }
  printf("received %ld seconds %.3f\n", total, now() - start);
  close(fd);
  return 0;
}

static void echo(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  struct sockaddr_in a = loopback(0);
  socklen_t len = sizeof a;
  if (bind(srv, (struct sockaddr *)&a, sizeof a) < 0 || listen(srv, 1024) < 0) die("listen");
  getsockname(srv, (struct sockaddr *)&a, &len);
  printf("%d\n", ntohs(a.sin_port));
  fflush(stdout);
  int ep = epoll_or_die();
  struct epoll_event e = {.events = EPOLLIN, .data.fd = srv};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, srv, &e) < 0) die("epoll_ctl");
  static char buf[65536];
  struct epoll_event events[256];
  for (;;) {
    int n = epoll_wait(ep, events, 256, -1);
    for (int i = 0; i < n; i++) {
      int fd = events[i].data.fd;
      if (fd == srv) {
        int c;
        while ((c = accept4(srv, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          int one = 1;
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          struct epoll_event ce = {.events = EPOLLIN, .data.fd = c};
          if (epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce) < 0) die("epoll_ctl");
        }
        continue;
      }
      ssize_t r = read(fd, buf, sizeof buf);
      /* The clients read every answer before they send again: a 64-byte write always fits. */
      if (r > 0 && write(fd, buf, r) == r) continue;
      if (r < 0 && errno == EAGAIN) continue;
      close(fd); /* EOF or an error: closing removes it from the epoll set */
    }
  }
}

int main(int argc, char **argv) {
  if (argc >= 6 && !strcmp(argv[1], "rtt"))
    return rtt(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
  if (argc >= 5 && !strcmp(argv[1], "cps")) return cps(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
  if (argc >= 4 && !strcmp(argv[1], "hold")) return hold(atoi(argv[2]), atoi(argv[3]));
  if (argc >= 4 && !strcmp(argv[1], "source")) return source(atoi(argv[2]), atol(argv[3]));
  if (argc >= 2 && !strcmp(argv[1], "sink")) return sink();
  if (argc >= 2 && !strcmp(argv[1], "echo")) echo();
  fprintf(stderr, "usage: netload rtt|cps|hold|source|sink|echo ... (see the comment at the top)\n");
  return 2;
}
