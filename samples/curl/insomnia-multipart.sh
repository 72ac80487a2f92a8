curl --request POST \
  --url https://api.example.com/v2/uploads \
  --header 'Content-Type: multipart/form-data' \
  --form kind=receipt \
  --form file=@body.json
