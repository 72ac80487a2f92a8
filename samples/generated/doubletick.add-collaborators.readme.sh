curl --request POST \
     --url https://public.doubletick.io/collaborators/add \
     --header 'Authorization: {{DOUBLETICK_API_KEY}}' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data '
{
  "from": "919000000000",
  "to": "919876543210",
  "agentNumbers": [
    "919812345678",
    "447911123456"
  ]
}
'
