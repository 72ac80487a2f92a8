curl --request POST \
     --url https://public.doubletick.io/whatsapp/message/text \
     --header 'Authorization: key_xxxxxxxxxx' \
     --header 'accept: application/json' \
     --header 'content-type: application/json' \
     --data @- <<EOF
{
  "to": "919876543210",
  "from": "919000000000",
  "content": {
    "text": "We're on it! Your ticket's been assigned."
  }
}
EOF
