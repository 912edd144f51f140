package dev.sockshell.commands;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python a command stands for when one line cannot say it: the tutorial's {@code while True:}
 * server for {@code repeat}, an {@code asyncio} server for {@code serve} and its rules, a {@code
 * selectors} loop for {@code relay}. {@code /help NAME} shows them under "In Python", as written;
 * the sockets are the session's, by their names (srv, c, up, server). {@code HelpProgramsTest}
 * compiles each with python3 and runs the server and the relay against real peers.
 */
final class HelpPrograms {

  private static final String ECHO_LOOP_READ = "    while data := await reader.read(65536):";

  private HelpPrograms() {}

  private static final Map<String, List<String>> PROGRAMS =
      Map.of(
          "repeat",
          List.of(
              "# repeat forever … end: the tutorial's tcp_server.py loop",
              "while True:",
              "    client, addr = server.accept()   # accept server client",
              "    data = client.recv(1024)         # recv client 1024",
              "    client.send(b'message received by server')",
              "    client.close()"),
          "serve",
          List.of(
              "# serve srv --echo: one thread, one event loop, no thread per client",
              "import asyncio",
              "",
              "async def echo(reader, writer):",
              ECHO_LOOP_READ,
              "        writer.write(data)           # --reply DATA: writer.write(DATA)",
              "        await writer.drain()         # a peer that does not read waits alone",
              "    writer.close()                   # after the peer's EOF",
              "",
              "async def main():",
              "    server = await asyncio.start_server(echo, sock=srv)",
              "    async with server:",
              "        await server.serve_forever()  # stop srv: server.close()",
              "",
              "asyncio.run(main())  # serve returns at once: its loop runs beside you"),
          "on",
          List.of(
              "# on srv matches /^PING (\\d+)\\r\\n/ send \"PONG \\1\\r\\n\"",
              "# then serve srv --rules: the handler of an asyncio server (/help serve)",
              "import re",
              "",
              "async def rules(reader, writer):",
              "    kept = b''                        # what no rule has matched yet",
              ECHO_LOOP_READ,
              "        kept += data",
              "        while m := re.search(rb'^PING (\\d+)\\r\\n', kept):",
              "            writer.write(m.expand(rb'PONG \\1\\r\\n'))",
              "            kept = kept[m.end():]      # a rule consumes what it matched",
              "        await writer.drain()",
              "    writer.close()                    # on … eof close: the same, at EOF"),
          "relay",
          List.of(
              "# relay c up: one selectors loop moves both ways",
              "import selectors, socket",
              "",
              "sel = selectors.DefaultSelector()",
              "sel.register(c, selectors.EVENT_READ, up)   # what c says goes to up",
              "sel.register(up, selectors.EVENT_READ, c)   # and what up says to c",
              "while sel.get_map():",
              "    for key, _ in sel.select():",
              "        data = key.fileobj.recv(1 << 20)",
              "        if data:                            # --trace: print(data)",
              "            key.data.sendall(data)",
              "        else:                               # EOF, passed on as SHUT_WR",
              "            sel.unregister(key.fileobj)",
              "            key.data.shutdown(socket.SHUT_WR)"));

  /** The program for the command called {@code name}, line by line; empty if it has none. */
  static List<String> of(String name) {
    return PROGRAMS.getOrDefault(name, List.of());
  }

  /** The names of the commands that have a program. */
  static Set<String> names() {
    return PROGRAMS.keySet();
  }
}
