curl --request POST \
  --url https://api.example.com/v2/tickets \
  --header 'Content-Type: application/json' \
  --header 'User-Agent: insomnia/8.6.1' \
  --data '{"subject":"Refund","priority":"high"}'
