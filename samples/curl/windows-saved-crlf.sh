curl --request POST \
     --url https://public.doubletick.io/team-member/unassign \
     --header 'Authorization: key_xxxxxxxxxx' \
     --header 'content-type: application/json' \
     --data '{"customerPhoneNumber":"919876543210"}'
