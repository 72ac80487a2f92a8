curl.exe -X POST "https://public.doubletick.io/team-member/assign" `
  -H "Authorization: key_xxxxxxxxxx" `
  -H 'Content-Type: application/json' `
  -d '{"customerPhoneNumber":"919876543210","assignedUserPhoneNumber":"919812345678","note":"it''s urgent"}'
