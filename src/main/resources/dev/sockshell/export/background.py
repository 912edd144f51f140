# sockshell's background work (serve, relay, on, off, stop, wait) as daemon threads. Each piece of work
# waits in select() on its sockets and on a wake-up socket that background_stop() writes to,
# so that stop ends it without closing sockets under a blocked call.
_background = {}  # socket name -> the _Work it is part of
_rules = {}  # rule number -> (socket name, when, what, action, reply, encoding), as /rules shows
_rules_added = 0  # the last rule number given: off N does not free N
_ruled = {}  # connected socket with rules of its own -> its _Ruled
_accepted = {}  # listening socket name -> [(connection, _Work)], in the order serve accepted them
_accepted_change = threading.Condition()
_served = {}  # connection a serve handles -> the numbers of the rules of its own (on connN)


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
    answered with answer(chunk), or by the rules of NAME if answer is None (serve --rules);
    max_count ends it after that many connections or datagrams."""

    def handle(conn):
        try:
            serve_one(conn)
        finally:  # its rules end with it, as sockshell forgets the connection
            for number in _served.pop(conn):
                _rules.pop(number, None)

    def serve_one(conn):
        with conn:  # the connection is closed when its peer ends it or the work stops
            kept = b""  # what no rule has matched yet
            if answer is None and not _fire(name, conn, "connect"):
                return
            while work.ready([conn]):
                data = conn.recv(65536)
                if not data:
                    if answer is None:
                        _fire(name, conn, "eof")
                    return
                if answer is not None:
                    conn.sendall(answer(data))
                    continue
                kept = _match(name, conn, kept + data)
                if kept is None:
                    return

    def serve_all():
        served = 0
        while (max_count is None or served < max_count) and work.ready([sock]):
            if sock.type == socket.SOCK_DGRAM:
                data, address = sock.recvfrom(65536)
                reply = answer(data) if answer is not None else _answer_datagram(name, data)
                if reply is not None:  # no rule matched: no answer
                    sock.sendto(reply, address)
            else:
                conn, _ = sock.accept()
                _served[conn] = set()
                with _accepted_change:
                    _accepted.setdefault(name, []).append((conn, work))
                    _accepted_change.notify_all()
                work.spawn(handle, conn)
            served += 1

    work = _Work([name])
    work.spawn(serve_all)


def background_accepted(name, listener, index):
    """The index-th connection (from 1) that serve LISTENER accepted, which the session named
    NAME (conn1…): waits until it is accepted here too. Its rules (on NAME) answer in the serve's
    handler, before those of LISTENER, and stop NAME stops the serve, as in sockshell."""
    with _accepted_change:
        _accepted_change.wait_for(lambda: len(_accepted.get(listener, ())) >= index)
        conn, work = _accepted[listener][index - 1]
    if _background.get(listener) is work:
        _background[name] = work
    return conn


def background_relay(name_a, a, name_b, b, trace=False, hex_dump=False, events=True):
    """relay A B: copy what arrives on each to the other; an EOF is passed on as SHUT_WR, and a
    reset as a reset (SO_LINGER 0, then close), which ends the relay. Any other error ends it too,
    told as sockshell's event line (events: /set events on), the sockets left open. With trace
    (--trace), each chunk is told as an event line before it goes on (hex_dump: --hex)."""
    names = {a: name_a, b: name_b}
    partner = {a: b, b: a}

    def copy():
        reading = {a, b}  # the ends whose peer has not closed yet
        while reading:
            readable = work.ready(list(reading))
            if readable is None:
                return
            for s in readable:
                try:
                    data = s.recv(65536)
                except ConnectionResetError:
                    return _reset(partner[s])
                except OSError as error:
                    return _tell_failed(names[s], error) if events else None
                if not data:
                    reading.discard(s)
                    partner[s].shutdown(socket.SHUT_WR)
                    continue
                if trace:
                    _tell_chunk(names[s], names[partner[s]], data, hex_dump)
                try:
                    partner[s].sendall(data)
                except ConnectionResetError:
                    return _reset(s)
                except OSError as error:
                    return _tell_failed(names[partner[s]], error) if events else None

    work = _Work([name_a, name_b])
    work.spawn(copy)


def _reset(conn):
    """Closes conn with an RST, as sockshell passes a reset on through a relay."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _say(key, *args):
    """The line of _TEXT called key, each {N} in it args[N], as sockshell fills its messages in."""
    return re.sub(
        r"\{(\d+)\}",
        lambda m: str(args[int(m[1])]) if int(m[1]) < len(args) else m[0],
        _TEXT[key],
    )


def _tell(event):
    """A line as sockshell prints an event."""
    print(_say("event.line", event), flush=True)


def _tell_failed(name, error):
    """The event line of an error that ended background work, as sockshell words it: Python's
    class, errno symbol (an ssl error's reason) and message."""
    kind = type(error).__name__
    if type(error).__module__ == "ssl":  # its message without the C file, as sockshell's
        message = re.sub(r"^\[[^]]*\] | \(_ssl\.c:\d+\)$", "", str(error.args[-1]))
        reason = getattr(error, "reason", None)
        _tell(f"{name}: ssl.{kind}" + (f" [{reason}]" if reason else "") + f": {message}")
    elif error.errno in errno.errorcode:
        _tell(f"{name}: {kind} [{errno.errorcode[error.errno]}]: {error.strerror}")
    else:
        _tell(f"{name}: {kind}: {error}")


def _tell_chunk(source, to, data, hex_dump):
    """The event line sockshell's relay --trace prints for a chunk, and its hex dump."""
    key = "background.relayed.byte" if len(data) == 1 else "background.relayed.bytes"
    _tell(_say(key, source, to, len(data), ":" if hex_dump else f" {data!r}"))
    if hex_dump:
        digits = max(4, len(f"{max(0, len(data) - 1):x}"))
        for start in range(0, len(data), 16):
            row = data[start : start + 16]
            cells = [f"{byte:02x} " for byte in row] + ["   "] * (16 - len(row))
            text = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in row)
            line = "".join(cells[:8]) + " " + "".join(cells[8:])
            print(f"|    {start:0{digits}x}  {line} |{text}|", flush=True)


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


def background_on(name, sock, when, what=None, action="close", reply=b"", encoding="utf-8"):
    """on NAME WHEN [what] ACTION [reply]: a rule for each connection the listening socket NAME
    accepts, or each datagram the UDP socket NAME receives, once serve NAME --rules serves it;
    on a connected socket, for what arrives on it from now on (see _Ruled). `what` is the regex
    (matches, searched in what was kept, decoded with `encoding`) or the bytes (contains);
    `reply` is bytes, or a list of bytes and group numbers (1 is the \\1 of the reply)."""
    global _rules_added
    _rules_added += 1
    _rules[_rules_added] = (name, when, what, action, reply, encoding)
    if sock in _served:  # a connection a serve accepted: its handler answers by the rules
        _served[sock].add(_rules_added)
    elif sock.type == socket.SOCK_STREAM and not sock.getsockopt(
        socket.SOL_SOCKET, socket.SO_ACCEPTCONN
    ):
        ruled = _ruled.get(sock)
        if ruled is None or not ruled.active:
            _Ruled(name, sock, b"" if ruled is None else ruled.kept)
        else:
            with ruled:  # what was kept is matched again, with the new rule
                pass


def background_off(number):
    """off N: remove rule N; a connection left without rules is the program's again."""
    name = _rules.pop(number)[0]
    if not _rules_of_socket(name) and any(r.active and r.name == name for r in _ruled.values()):
        background_stop(name)


class _Ruled:
    """A connected socket with rules of its own, as sockshell answers it in the background: a
    thread reads what arrives and lets the rules answer it; what no rule matched is kept for the
    program's recv. The rules end when they are all off, at stop, when one closes the socket,
    or when the peer closes (after the eof rules: the socket stays open, what was kept stays).

    sockshell takes the socket from its background for each command that names it, after letting
    the background finish what is ready: so here every call on the socket first takes the lock,
    lets the rules answer what has arrived, and afterwards matches what is still kept again. The
    socket's class is switched in place (to _RuledSocket) so that every variable naming it sees
    that, and python code calling sock.recv() gets what was kept first."""

    def __init__(self, name, sock, kept):
        self.name = name
        self.sock = sock
        self.kept = kept
        self.active = True
        self.lock = threading.RLock()
        sock.__class__ = _RuledSocket
        _ruled[sock] = self
        self.work = _Work([name])
        self.work.spawn(self._read)

    def _read(self):
        try:
            while self.active and self.work.ready([self.sock]):
                with self.lock:
                    self.settle()
        except (OSError, ValueError):  # the program closed it while this thread was to select
            pass
        self.release()

    def settle(self):
        """Reads what has arrived, without waiting, and lets the rules answer it (lock held)."""
        sock = self.sock
        while self.active and select.select([sock], [], [], 0)[0]:
            try:
                data = socket.socket.recv(sock, 65536)
            except OSError:  # a reset ends the connection, as in sockshell (which closes it)
                sock.close()
                return
            if not data:
                if _fire(self.name, sock, "eof"):
                    self.release()
                return
            kept = _match(self.name, sock, self.kept + data)
            if kept is not None:
                self.kept = kept

    def release(self):
        """The rules end; the socket, and what was kept, are the program's."""
        with self.lock:
            if self.active:
                self.active = False
                for number in [n for n, rule in _rules.items() if rule[0] == self.name]:
                    del _rules[number]

    def end(self):
        """The socket is closing: the rules end, and the thread with them. Not waited for: the
        call closing it may hold the lock the thread waits for (a rule's close, a reset)."""
        if self.active:
            self.release()
            self.work._waker.send(b"x")

    def __enter__(self):
        """A call of the program on the socket begins: the rules answer what arrived first."""
        self.lock.acquire()
        self.settle()
        return self

    def __exit__(self, *exc):
        try:
            if self.active and self.kept:
                kept = _match(self.name, self.sock, self.kept)
                if kept is not None:
                    self.kept = kept
        finally:
            self.lock.release()

    def take(self, size, arrived):
        """Up to size bytes of what was kept, and then of what arrived since (arrived(room):
        read without waiting), as sockshell's recv returns bytes it held."""
        data, self.kept = self.kept[:size], self.kept[size:]
        room = size - len(data)
        if room > 0 and select.select([self.sock], [], [], 0)[0]:
            data += arrived(room)
        return data


class _RuledSocket(socket.socket):
    """A socket with rules of its own (see _Ruled): its calls wait for the rules' thread, and
    recv returns what the rules did not match first."""

    __slots__ = ()

    def recv(self, bufsize, flags=0):
        with _ruled[self] as ruled:
            if not ruled.kept:
                return super().recv(bufsize, flags)
            if flags & socket.MSG_PEEK:
                return ruled.kept[:bufsize]
            data = ruled.take(bufsize, lambda room: super(_RuledSocket, self).recv(room))
            if flags & socket.MSG_WAITALL and 0 < bufsize - len(data):
                data += super().recv(bufsize - len(data), flags)
            return data

    def recv_into(self, buffer, nbytes=0, flags=0):
        with _ruled[self] as ruled:
            if not ruled.kept:
                return super().recv_into(buffer, nbytes, flags)
            view = memoryview(buffer).cast("B")
            data = ruled.take(nbytes or len(view), lambda room: super(_RuledSocket, self).recv(room))
            view[: len(data)] = data
            return len(data)

    def send(self, data, flags=0):
        with _ruled[self]:
            return super().send(data, flags)

    def sendall(self, data, flags=0):
        with _ruled[self]:
            return super().sendall(data, flags)

    def shutdown(self, how):
        with _ruled[self]:
            return super().shutdown(how)

    def close(self):
        _ruled[self].end()
        super().close()


def _rules_of(name, conn, when):
    return [rule[2:] for rule in _rules_of_socket(name, conn) if rule[1] == when]


def _fire(name, conn, when):
    """The rules of NAME for a connect or an EOF; False once one closed the connection."""
    return all(_act(conn, action, reply, None, None) for _, action, reply, _ in _rules_of(name, conn, when))


def _match(name, conn, kept):
    """The first rule of NAME that matches what was kept fires and consumes it up to the end of
    its match, again until none matches; what stays kept, or None once a rule closed."""
    fired = True
    while fired and kept:
        fired = False
        for _, when, what, action, reply, encoding in _rules_of_socket(name, conn):
            end, match = _find(when, what, encoding, kept)
            if end >= 0:
                kept = kept[end:]
                if not _act(conn, action, reply, match, encoding):
                    return None
                fired = True
                break
    return kept


def _answer_datagram(name, data):
    """What the first rule of NAME that matches the datagram sends (each datagram is matched
    alone, as sockshell does), or None if none matches."""
    for _, when, what, action, reply, encoding in _rules_of_socket(name):
        end, match = _find(when, what, encoding, data)
        if end >= 0:
            return _expand(reply, match, encoding) if action == "send" else None
    return None


def _rules_of_socket(name, conn=None):
    """The rules of NAME and, for a connection a serve accepted, its own, in number order."""
    own = _served.get(conn, ())
    return [rule for number, rule in sorted(_rules.items()) if rule[0] == name or number in own]


def _find(when, what, encoding, data):
    """Where a rule's match in data ends (-1: no match), and the regex's match."""
    if when == "any":
        return len(data), None
    if when == "contains":
        at = data.find(what)
        return (-1 if at < 0 else at + len(what)), None
    if when == "matches":
        text = data.decode(encoding, "surrogateescape")
        match = re.search(what, text)
        if match:  # what the match reached, in bytes: its text encoded again
            return len(text[: match.end()].encode(encoding, "surrogateescape")), match
    return -1, None


def _act(conn, action, reply, match, encoding):
    """A rule's action on conn; False if it closed it (close, or reset: an RST)."""
    if action == "send":
        socket.socket.sendall(conn, _expand(reply, match, encoding))  # not _RuledSocket's
        return True
    if action == "reset":
        _reset(conn)
    else:
        conn.close()
    return False


def _expand(reply, match, encoding):
    """A rule's reply, its \\1, \\2… the match's groups encoded as they were decoded."""
    if isinstance(reply, bytes):
        return reply
    return b"".join(
        part if isinstance(part, bytes)
        else (match.group(part) or "").encode(encoding, "surrogateescape")
        for part in reply
    )
