#!/usr/bin/env bash
# Add two agents as collaborators on a customer's chat.
curl -sS -X POST https://public.doubletick.io/collaborators/add \
  -H "Authorization: $DOUBLETICK_API_KEY" \
  -H 'Content-Type: application/json' \
  --data-raw '{"from":"919000000000","to":"919876543210","agentNumbers":["917838849957","918800112233"]}'
