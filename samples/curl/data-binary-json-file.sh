curl https://public.doubletick.io/team-member/assign \
  --header 'Authorization: key_xxxxxxxxxx' \
  --header 'Content-Type: application/json' \
  --data-binary @body.json
