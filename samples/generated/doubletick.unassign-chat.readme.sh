curl --request POST \
     --url https://public.doubletick.io/team-member/unassign \
     --header 'Authorization: {{DOUBLETICK_API_KEY}}' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data '
{
  "customerPhoneNumber": "919876543210",
  "wabaNumber": "919000000000"
}
'
