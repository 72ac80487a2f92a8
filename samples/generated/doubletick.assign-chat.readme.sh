curl --request POST \
     --url https://public.doubletick.io/team-member/assign \
     --header 'Authorization: {{DOUBLETICK_API_KEY}}' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data '
{
  "customerPhoneNumber": "919876543210",
  "assignedUserPhoneNumber": "919812345678",
  "reassign": true,
  "wabaNumber": "919000000000"
}
'
