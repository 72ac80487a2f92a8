curl -X POST https://public.doubletick.io/team-member/assign \
  -H 'Authorization: key_xxxxxxxxxx' \
  -H 'Content-Type: application/json' \
  --data-binary @- < body.json
