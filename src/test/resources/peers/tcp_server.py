# The tutorial's TCP server, unchanged except for the port: it comes from the command line
# (0 lets the OS choose), and the "listening" line shows the port the server really got.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 9999

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)   # 创建socket对象，并且用IPv4和TCP进行通信
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # 允许端口重用

server.bind(('localhost', port))
server.listen(5)
print(f"TCP服务器监听`localhost:{server.getsockname()[1]}`", flush=True)

try:
    while True:
        client, addr = server.accept()
        print(f"连接到{addr}", flush=True)

        data = client.recv(1024)
        if data:
            print("Received:", data.decode('utf-8'), flush=True)
            client.send(b"message received by server")

            client.close()
except KeyboardInterrupt:
    print("\n 服务器关机中")
finally:
    server.close()
