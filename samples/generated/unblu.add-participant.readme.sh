curl --request POST \
     --url https://unblu.example.com/app/rest/v4/conversations/c-123/addParticipant \
     --header 'Authorization: Bearer {{UNBLU_TOKEN}}' \
     --header 'Content-Type: application/json' \
     --data '
{
  "personId": "p-456",
  "hidden": false,
  "conversationStarred": true
}
'
