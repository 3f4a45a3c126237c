"""`vsssim serve` and `vsssim run --connect` end to end (docs/serve.md), run by CTest:
  python3 serve_check.py VSSSIM REFERENCE_WRITER SCENARIO CRASH_WRITER

1. A writer process started by hand subscribes with the printed address and token; a scenario
   sent with `run --connect` uses it (SCENARIO's exec="false" would fail otherwise) and passes.
2. A requester with a wrong token is refused (exit 2), and the service keeps serving.
3. The writer is killed (SIGKILL): the service drops it; the same scenario now fails (the
   writer is absent, the fallback command `false` says no hello) — and the service still runs.
4. A new writer process subscribes: the scenario passes again (the next session works).
Exits 0 when all hold. Bounded real-time waits only (process start-up), no fixed sleeps.
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

VSSSIM, WRITER, SCENARIO = sys.argv[1], sys.argv[2], sys.argv[3]
LIMIT_S = 60


def fail(message, serve=None):
    if serve is not None:
        serve.kill()
        sys.stderr.write(serve.stderr.read() if serve.stderr else "")
    sys.stderr.write("serve_check: FAILED: %s\n" % message)
    sys.exit(1)


def read_line_with(stream, needle):
    deadline = time.time() + LIMIT_S
    while time.time() < deadline:
        line = stream.readline()
        if not line:
            return None
        if needle in line:
            return line
    return None


def start_writer(address, token):
    env = dict(os.environ, VSSSIM_ADDRESS=address, VSSSIM_TOKEN=token)
    return subprocess.Popen([sys.executable, WRITER], env=env, stderr=subprocess.DEVNULL)


def run_connect(requesters, token_file):
    return subprocess.run([VSSSIM, "run", "--connect", requesters, "--token-file", token_file,
                           SCENARIO], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=LIMIT_S * 5)


def main():
    directory = tempfile.mkdtemp(prefix="vsssim-serve-")
    os.chmod(directory, 0o700)
    token_file = os.path.join(directory, "token")
    serve = subprocess.Popen([VSSSIM, "serve", "--listen", "unix:" + directory + "/w.sock",
                              "--token-file", token_file], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, universal_newlines=True)
    printed = dict(serve.stdout.readline().split(None, 1) for _ in range(3))
    address, token, requesters = (printed[k].strip() for k in ("writers", "token", "requesters"))
    if open(token_file).read().strip() != token:
        fail("the token file does not hold the printed token", serve)

    writer = start_writer(address, token)
    if not read_line_with(serve.stderr, "subscribed"):
        fail("the writer never subscribed", serve)
    run = run_connect(requesters, token_file)
    if run.returncode != 0 or "PASS" not in run.stdout:
        fail("run --connect with the subscribed writer: exit %d\n%s" % (run.returncode,
                                                                       run.stdout), serve)

    bad = os.path.join(directory, "bad-token")
    with open(bad, "w") as f:
        f.write("0" * 32 + "\n")
    refused = run_connect(requesters, bad)
    if refused.returncode != 2 or "refused: wrong token" not in refused.stdout:
        fail("a wrong token was not refused: exit %d\n%s" % (refused.returncode, refused.stdout),
             serve)

    writer.send_signal(signal.SIGKILL)
    writer.wait()
    if not read_line_with(serve.stderr, "unsubscribed"):
        fail("the service did not notice the killed writer", serve)
    absent = run_connect(requesters, token_file)
    if absent.returncode != 1 or "no hello" not in absent.stdout:
        fail("the killed writer was not absent: exit %d\n%s" % (absent.returncode,
                                                              absent.stdout), serve)

    writer = start_writer(address, token)
    if not read_line_with(serve.stderr, "subscribed"):
        fail("a second writer never subscribed", serve)
    again = run_connect(requesters, token_file)
    if again.returncode != 0:
        fail("the next session failed: exit %d\n%s" % (again.returncode, again.stdout), serve)

    serve.send_signal(signal.SIGTERM)
    if serve.wait(timeout=LIMIT_S) != 0:
        fail("vsssim serve did not stop cleanly on SIGTERM")
    writer.wait(timeout=LIMIT_S)  # told to shut down: it exits
    print("serve_check: passed")


if __name__ == "__main__":
    main()
