curl --request POST \
     --url https://unblu.example.com/app/rest/v4/conversations/c-123/setAwaitedPersonType \
     --header 'Authorization: Bearer {{UNBLU_TOKEN}}' \
     --header 'Content-Type: application/json' \
     --data '
{
  "awaitedPersonType": "AGENT"
}
'
