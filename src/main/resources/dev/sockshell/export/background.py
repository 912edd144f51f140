# sockshell's background work (serve, relay, stop, wait) as daemon threads. Each piece of work
# waits in select() on its sockets and on a wake-up socket that background_stop() writes to,
# so that stop ends it without closing sockets under a blocked call.
_background = {}  # socket name -> the _Work it is part of


class _Work:
    """One piece of background work: its threads, and the wake-up socket that stops them."""

    def __init__(self, names):
        self.wake, self._waker = socket.socketpair()
        self.threads = []
        for name in names:
            _background[name] = self

    def spawn(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(thread)
        thread.start()

    def ready(self, sockets):
        """The sockets that can be read, or None once the work is stopped."""
        readable, _, _ = select.select([*sockets, self.wake], [], [])
        return None if self.wake in readable else readable


def background_serve(name, sock, answer, max_count=None):
    """serve NAME: each chunk that arrives (TCP: on every connection; UDP: every datagram) is
    answered with answer(chunk); max_count ends it after that many connections or datagrams."""

    def handle(conn):
        with conn:  # the connection is closed when its peer ends it or the work stops
            while work.ready([conn]):
                data = conn.recv(65536)
                if not data:
                    return
                conn.sendall(answer(data))

    def serve_all():
        served = 0
        while (max_count is None or served < max_count) and work.ready([sock]):
            if sock.type == socket.SOCK_DGRAM:
                data, address = sock.recvfrom(65536)
                sock.sendto(answer(data), address)
            else:
                conn, _ = sock.accept()
                work.spawn(handle, conn)
            served += 1

    work = _Work([name])
    work.spawn(serve_all)


def background_relay(name_a, a, name_b, b):
    """relay A B: copy what arrives on each to the other; an EOF is passed on as SHUT_WR."""

    def copy():
        other = {a: b, b: a}
        while other:
            readable = work.ready(list(other))
            if readable is None:
                return
            for s in readable:
                data = s.recv(65536)
                if data:
                    other[s].sendall(data)
                else:
                    other.pop(s).shutdown(socket.SHUT_WR)

    work = _Work([name_a, name_b])
    work.spawn(copy)


def background_stop(name):
    """stop NAME: end the work NAME is part of; a relay's sockets stay open."""
    work = _background[name]
    for key in [k for k, w in _background.items() if w is work]:
        del _background[key]
    work._waker.send(b"x")
    for thread in work.threads:
        thread.join()


def background_wait(seconds=None):
    """wait [SECONDS]: let the work run for SECONDS, or until all of it has ended."""
    if seconds is not None:
        time.sleep(seconds)
        return
    for work in set(_background.values()):
        while any(thread.is_alive() for thread in work.threads):
            for thread in list(work.threads):
                thread.join()
