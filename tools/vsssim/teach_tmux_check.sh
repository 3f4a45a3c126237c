#!/usr/bin/env bash
# teach_tmux_check.sh VSSSIM: drives `vsssim teach --case veto` in a real terminal (a private
# tmux server) the way a learner would: single key presses, no Enter. Checks that keys act at
# once, that b goes back, that stepping on reaches the writer's veto and what it means, and that q
# quits with exit 0. Waits for the screen by polling it (bounded), never for a fixed time.
set -euo pipefail
vsssim="$1"
server="vsssim-teach-$$"
tmux_() { tmux -L "$server" "$@"; }
trap 'tmux_ kill-server >/dev/null 2>&1 || true' EXIT

screen() { tmux_ capture-pane -p -J -S -2000 -t teach; }
# wait_for REGEX: until the pane shows REGEX (at most ~20 s of polling).
wait_for() {
  for _ in $(seq 1 200); do
    if screen | grep -Eq -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "FAIL: the terminal never showed /$1/; it shows:" >&2
  screen | tail -40 >&2
  exit 1
}

tmux_ new-session -d -s teach -x 200 -y 60 \
  "'$vsssim' teach --case veto; echo TEACH-EXIT=\$?; read -r _"
wait_for '^--- step 1 of [0-9]+'
tmux_ send-keys -t teach n
wait_for '^--- step 2 of'
tmux_ send-keys -t teach ' '
wait_for '^--- step 3 of'
tmux_ send-keys -t teach b
# Back: step 2 is shown again after step 3.
wait_for '^--- step 3 of(.|\n)*' 
if ! screen | tr '\n' '\r' | grep -Eq -- '--- step 3 of[^\r]*\r.*--- step 2 of'; then
  echo "FAIL: b did not go back to step 2" >&2; screen | tail -30 >&2; exit 1
fi
# Step on until the veto: the Freeze reply that returned false, with what it means.
for _ in $(seq 1 80); do
  if screen | grep -q 'a veto: the writer refused'; then break; fi
  tmux_ send-keys -t teach n
  wait_for '\[n\]ext \[b\]ack \[q\]uit > $'
done
wait_for 'writer:DemoDB returns from OnFreeze: .*returned=false'
wait_for 'a veto: the writer refused'
wait_for 'it asks: stop writing now'
wait_for 'writer states: writer:DemoDB=VSS_WS_'
tmux_ send-keys -t teach q
wait_for '^TEACH-EXIT=0$'
echo "teach in tmux: keys act at once, back works, the veto is shown and explained, q exits 0"
