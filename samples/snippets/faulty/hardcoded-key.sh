#!/usr/bin/env bash
# expect: BK203
curl -X POST https://public.doubletick.io/team-member/unassign \
  -H 'Authorization: key_4f9aB7cD2eF8gH1jK3mN' \
  -H 'Content-Type: application/json' \
  -d '{"customerPhoneNumber": "919876543210", "wabaNumber": "919000000000"}'
