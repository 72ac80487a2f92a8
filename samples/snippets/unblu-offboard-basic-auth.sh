#!/usr/bin/env bash
# Unblu: offboard the previous agent, with basic credentials from the environment.
curl -X POST "https://acme.unblu.cloud/app/rest/v4/conversations/$CONVERSATION_ID/offboardParticipant" \
  -u "$UNBLU_USER:$UNBLU_PASSWORD" \
  -H 'Content-Type: application/json' \
  --data '{"personId": "p-7f3a9c", "reason": "FORWARDED", "comment": "Escalated to a specialist"}'
