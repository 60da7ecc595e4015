#!/usr/bin/env python3
"""Times `jariya course check` on the hostile inputs of the foundation issue.

Each input must be refused (exit 1) with a clear message, and within 100 ms
wall time, process start included. A loopback listener counts connections to
prove the external-DTD case never reaches the network.

    python3 Benchmarks/hostile-xml.py [path/to/jariya]   (default .build/debug/jariya)
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

JARIYA = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/jariya"
RUNS = 15


def inputs(folder, port):
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
    secret = os.path.join(folder, "secret.txt")
    with open(secret, "w") as f:
        f.write("secret")
    big_entity = "x" * 100_000
    cases = {
        "billion laughs": f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{laughs}]>\n<course xmlns="urn:jariya:course:1">&lol9;</course>',
        "quadratic blow-up": f'<!DOCTYPE c [<!ENTITY a "{big_entity}">]><course xmlns="urn:jariya:course:1">{"&a;" * 20000}</course>',
        "external entity (local file)": f'<!DOCTYPE c [<!ENTITY x SYSTEM "file://{secret}">]><course xmlns="urn:jariya:course:1">&x;</course>',
        "external DTD over the network": f'<!DOCTYPE course SYSTEM "http://127.0.0.1:{port}/evil.dtd"><course xmlns="urn:jariya:course:1"/>',
        "nesting 20,000 deep": '<course xmlns="urn:jariya:course:1">' + "<a>" * 20000 + "</a>" * 20000 + "</course>",
        "invalid UTF-8": None,
        "20 MiB file": None,
    }
    paths = {}
    for name, text in cases.items():
        path = os.path.join(folder, name.split()[0] + str(len(paths)) + ".xml")
        with open(path, "wb") as f:
            if name == "invalid UTF-8":
                f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<course xmlns="urn:jariya:course:1"><title>\xc3\x28\xff</title></course>')
            elif name == "20 MiB file":
                f.write(b'<course xmlns="urn:jariya:course:1">' + b" " * (20 * 1024 * 1024) + b"</course>")
            else:
                f.write(text.encode())
        paths[name] = path
    return paths


def main():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    port = listener.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':32} {'exit':>4} {'median ms':>9} {'max ms':>7}  message")
        worst = 0.0
        for name, path in inputs(folder, port).items():
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                result = subprocess.run([JARIYA, "course", "check", path], capture_output=True, text=True)
                times.append((time.perf_counter() - start) * 1000)
            message = result.stderr.splitlines()[0].split(": ", 1)[-1][:60] if result.stderr else ""
            worst = max(worst, max(times))
            print(f"{name:32} {result.returncode:>4} {statistics.median(times):>9.1f} {max(times):>7.1f}  {message}")
        connections = 0
        try:
            while True:
                listener.accept()[0].close()
                connections += 1
        except BlockingIOError:
            pass
        print(f"loopback connections seen: {connections}; slowest refusal: {worst:.1f} ms")


if __name__ == "__main__":
    main()
