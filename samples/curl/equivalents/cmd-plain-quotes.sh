curl -X POST 'https://public.doubletick.io/team-member/unassign' -H 'Authorization: key_xxxxxxxxxx' -H 'Content-Type: application/json' -d '{"customerPhoneNumber": "919876543210"}'
