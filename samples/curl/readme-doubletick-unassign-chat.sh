curl --request POST \
     --url https://public.doubletick.io/team-member/unassign \
     --header 'Authorization: key_8mQ2vXr41T' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data '
{
  "customerPhoneNumber": "919876543210"
}
'
