#!/usr/bin/env bash
# expect: BK304
curl -X POST https://public.doubletick.io/team-members/assign \
  -H "Authorization: $DOUBLETICK_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"customerPhoneNumber": "919876543210", "assignedUserPhoneNumber": "919812345678"}'
