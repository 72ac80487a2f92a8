#!/usr/bin/env bash
# expect: BK401 BK401
# Works from a laptop behind the office proxy; a bot component can do neither.
curl -X POST https://public.doubletick.io/collaborators/remove \
  --proxy http://proxy.internal:3128 \
  --cert ./client.pem \
  -H "Authorization: $DOUBLETICK_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"from": "919000000000", "to": "919876543210", "agentNumbers": ["917838849957"]}'
