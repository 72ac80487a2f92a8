curl --request POST \
     --url https://unblu.example.com/app/rest/v4/conversations/c-123/offboardParticipant \
     --header 'Authorization: Bearer {{UNBLU_TOKEN}}' \
     --header 'Content-Type: application/json' \
     --data '
{
  "personId": "p-789",
  "reason": "USER_CHANGED",
  "comment": "handed over"
}
'
